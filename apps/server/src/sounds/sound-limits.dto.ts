import { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';
import { INPUT_TYPES, RAW_INPUT_TYPES } from './audio-formats.js';
import { MAX_FILES_PER_UPLOAD } from './sound-upload.reader.js';

export const soundLimitsViewSchema = z.object({
  maxUploadBytes: z
    .number()
    .int()
    .describe('Largest file accepted, in bytes (SOUNDS_MAX_UPLOAD_MB); larger answers 413.'),
  maxDurationSeconds: z
    .number()
    .int()
    .describe('Longest sound accepted, in seconds (SOUNDS_MAX_DURATION_SECONDS); longer answers 422.'),
  maxFilesPerUpload: z.number().int().describe('Most files one upload request may carry.'),
  formats: z.array(z.enum(INPUT_TYPES)).describe('The audio types an upload may be.'),
  rawFormats: z
    .array(z.enum(INPUT_TYPES))
    .describe('Types without a header: the upload must name them in its `type` field.'),
});
export type SoundLimitsView = z.infer<typeof soundLimitsViewSchema>;

/** What an uploader needs to know before sending a file, from the server's configuration. */
export function toSoundLimitsView(
  config: Pick<AppConfig, 'maxUploadBytes' | 'maxSoundSeconds'>,
): SoundLimitsView {
  return {
    maxUploadBytes: config.maxUploadBytes,
    maxDurationSeconds: config.maxSoundSeconds,
    maxFilesPerUpload: MAX_FILES_PER_UPLOAD,
    formats: [...INPUT_TYPES],
    rawFormats: INPUT_TYPES.filter((type) => RAW_INPUT_TYPES.has(type)),
  };
}
