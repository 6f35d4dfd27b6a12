import { z } from 'zod';

export const errorEnvelopeSchema = z.object({
  error: z.string().describe('Stable kebab-case error code, e.g. `not-found`, `validation-failed`.'),
  message: z.string().describe('Human-readable explanation; may change between versions.'),
  details: z.unknown().optional().describe('Structured context, e.g. the failing fields.'),
});

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Which codes an endpoint may answer with a status; feeds the OpenAPI document. */
export const STANDARD_ERRORS: Record<number, { description: string; codes: string[] }> = {
  400: {
    description: 'The request is malformed or fails validation.',
    codes: ['validation-failed', 'bad-request'],
  },
  401: { description: 'No API key, or an unknown or revoked one.', codes: ['unauthenticated'] },
  403: { description: "The key's role may not do this.", codes: ['forbidden'] },
  404: { description: 'No such object, or it belongs to another tenant.', codes: ['not-found'] },
  409: {
    description: 'Conflicts with existing state.',
    codes: [
      'slug-taken',
      'did-exists',
      'transfer-number-exists',
      'no-did-available',
      'no-transfer-number-available',
      'tenant-disabled',
      'call-not-active',
      'call-not-connected',
      'sound-not-ready',
      'sound-exists',
      'sound-version-not-ready',
    ],
  },
  413: { description: 'The request body is too large.', codes: ['payload-too-large'] },
  415: {
    description: 'The request body has an unsupported content type, or an upload is not usable audio.',
    codes: ['unsupported-media-type'],
  },
  416: {
    description: 'The Range header asks for bytes past the end of the file.',
    codes: ['range-not-satisfiable'],
  },
  422: {
    description: 'Well-formed but unusable, e.g. an invalid phone number.',
    codes: [
      'invalid-phone-number',
      'idempotency-key-reused',
      'unknown-did',
      'no-answer-destination',
      'audio-too-long',
    ],
  },
  429: {
    description: 'Over a limit; retry after the `Retry-After` seconds.',
    codes: ['too-many-calls'],
  },
  500: { description: 'An unexpected error; the server log has the details.', codes: ['internal-error'] },
  502: { description: 'The PBX answered the action with an error.', codes: ['pbx-error'] },
  503: {
    description: 'A dependency (database or PBX) is unavailable.',
    codes: ['database-unavailable', 'pbx-unavailable', 'service-unavailable'],
  },
};
