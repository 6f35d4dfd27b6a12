import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Text that may one day reach the AMI socket: no CR, LF, NUL or other control characters. */
export const safeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (value) => !CONTROL_CHARACTERS.test(value),
      'must not contain control characters (CR, LF, NUL...)',
    );
