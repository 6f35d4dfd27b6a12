import { z } from 'zod';
import { safeText } from '../common/validation/safe-text.js';
import { paginationQuerySchema } from '../common/validation/pagination.js';
import { INPUT_TYPES, OUTPUT_FORMATS } from './audio-formats.js';
import type { SoundRow, SoundVersionRow } from './sounds.tables.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((value) => ['true', '1', 'on', 'yes'].includes(value));

const tenantIdQuery = z
  .uuid()
  .optional()
  .describe("The tenant to act on; defaults to the key's own tenant (required for ADMIN_API_KEY).");

export const uploadQuerySchema = z.object({
  tenantId: tenantIdQuery,
  wait: flag
    .optional()
    .default(false)
    .describe('Answer only when every file is converted (status ready or failed) instead of at processing.'),
});
export type UploadQuery = z.output<typeof uploadQuerySchema>;

/** Multipart text fields that go before the file parts. */
export const uploadFieldsSchema = z.object({
  name: safeText(200).optional(),
  description: safeText(500).optional(),
  type: z.enum(INPUT_TYPES).optional(),
  normalise: flag.optional().default(false),
  normalize: flag.optional(),
  trim: flag.optional().default(false),
});
export type UploadFields = z.output<typeof uploadFieldsSchema>;

export const soundListQuerySchema = paginationQuerySchema.extend({
  tenantId: tenantIdQuery,
  search: z.string().trim().min(1).max(100).optional().describe('Part of the name or description.'),
  status: z.enum(['processing', 'ready', 'failed']).optional().describe("The latest version's status."),
});
export type SoundListQuery = z.output<typeof soundListQuerySchema>;

export const updateSoundSchema = z
  .object({
    name: safeText(200).describe('Sanitised to a-z, 0-9, - and _; the PBX files are renamed.'),
    description: safeText(500).nullable(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'at least one field is required');
export type UpdateSoundInput = z.output<typeof updateSoundSchema>;

export const soundVersionViewSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['processing', 'ready', 'failed']),
  error: z.string().nullable(),
  active: z.boolean(),
  original: z.object({
    name: z.string(),
    format: z.string(),
    encoding: z.string(),
    durationMs: z.number().int(),
    sampleRate: z.number().int(),
    channels: z.number().int(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
  }),
  formats: z.array(z.object({ format: z.enum(OUTPUT_FORMATS), size: z.number().int() })),
  normalise: z.boolean(),
  trim: z.boolean(),
  uploadedBy: z.uuid().nullable().describe('API key id; null for ADMIN_API_KEY.'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SoundVersionView = z.infer<typeof soundVersionViewSchema>;

export const soundViewSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  playback: z.string().describe('What the dialplan plays: `custom/<tenant slug>/<name>`.'),
  status: z.enum(['processing', 'ready', 'failed']).describe("The latest version's status."),
  error: z.string().nullable().describe('Why the latest version failed, if it did.'),
  activeVersion: soundVersionViewSchema.nullable(),
  latestVersion: soundVersionViewSchema,
  versionCount: z.number().int(),
  usageCount: z.number().int(),
  lastUsedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SoundView = z.infer<typeof soundViewSchema>;

export const uploadResultSchema = z.object({
  results: z.array(
    z.object({
      file: z.string().describe("The uploader's file name."),
      status: z.number().int().describe('HTTP status this file alone would have had.'),
      sound: soundViewSchema.optional(),
      error: z.object({ error: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
    }),
  ),
});

export const peaksViewSchema = z.object({
  versionId: z.uuid(),
  durationMs: z.number().int(),
  peaks: z.array(z.number()).describe('Peak magnitude in [0, 1] per slice (up to 1000).'),
});

export function toVersionView(row: SoundVersionRow, activeId: string | null): SoundVersionView {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    error: row.error,
    active: row.id === activeId,
    original: {
      name: row.original_name,
      format: row.original_format,
      encoding: row.original_encoding,
      durationMs: row.duration_ms,
      sampleRate: row.sample_rate,
      channels: row.channels,
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256,
    },
    formats: row.formats.map((f) => ({ format: f.format, size: f.size })),
    normalise: row.normalise,
    trim: row.trim_silence,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** `versions` newest first. */
export function toSoundView(sound: SoundRow, tenantSlug: string, versions: SoundVersionRow[]): SoundView {
  const latest = versions[0];
  if (!latest) throw new Error(`sound ${sound.id} has no version`);
  const active = versions.find((v) => v.id === sound.active_version_id);
  return {
    id: sound.id,
    tenantId: sound.tenant_id,
    name: sound.name,
    description: sound.description,
    playback: `custom/${tenantSlug}/${sound.name}`,
    status: latest.status,
    error: latest.error,
    activeVersion: active ? toVersionView(active, sound.active_version_id) : null,
    latestVersion: toVersionView(latest, sound.active_version_id),
    versionCount: versions.length,
    usageCount: sound.usage_count,
    lastUsedAt: sound.last_used_at?.toISOString() ?? null,
    createdAt: sound.created_at.toISOString(),
    updatedAt: sound.updated_at.toISOString(),
  };
}
