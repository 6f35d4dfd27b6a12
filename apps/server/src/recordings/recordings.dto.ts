import { z } from 'zod';
import { callStatusSchema } from '../calls/calls.dto.js';

export const recordingListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('1-200, default 50.'),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .describe('The `nextCursor` of the previous page.'),
  tenantId: z.uuid().optional().describe("Only recordings of this tenant's calls."),
  callId: z.uuid().optional().describe('Only recordings of this call.'),
  search: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("Part of the file path or of the call's numbers (called number or caller ID)."),
  from: z.iso.datetime().optional().describe('Recorded at or after (ISO 8601).'),
  to: z.iso.datetime().optional().describe('Recorded before (ISO 8601).'),
});
export type RecordingListQuery = z.output<typeof recordingListQuerySchema>;

export const recordingViewSchema = z.object({
  id: z.string().describe('Opaque id (the path under the monitor folder, base64url).'),
  path: z.string().describe('Path under ASTERISK_MONITOR_DIR.'),
  name: z.string(),
  sizeBytes: z.number().int(),
  durationSeconds: z.number().nullable().describe('From the WAV header; null for other formats.'),
  recordedAt: z.iso.datetime(),
  modifiedAt: z.iso.datetime(),
  callId: z.uuid().nullable(),
  tenantId: z.uuid().nullable().describe('Null: no known call (visible to admin keys only).'),
  call: z
    .object({
      to: z.string().describe('The number called (E.164).'),
      from: z.string().nullable().describe('The caller ID (DID) shown, if any.'),
      status: callStatusSchema.describe("The call's status now."),
    })
    .nullable()
    .describe('The call the recording belongs to; null: no known call.'),
});
export type RecordingView = z.infer<typeof recordingViewSchema>;

export const recordingPageSchema = z.object({
  items: z.array(recordingViewSchema),
  nextCursor: z.string().nullable(),
});
