import { z } from 'zod';
import { safeText } from '../common/validation/safe-text.js';
import type { DidRow } from '../db/database.types.js';

const didFields = {
  number: z.string().min(1).max(40).describe('Phone number; national input uses the tenant default country.'),
  label: safeText(100).nullable(),
  enabled: z.boolean(),
  dailyCap: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .nullable()
    .describe('Most calls per UTC day from this DID; null = no cap.'),
};

export const createDidSchema = z.object({
  ...didFields,
  label: didFields.label.default(null),
  enabled: didFields.enabled.default(true),
  dailyCap: didFields.dailyCap.default(null),
});
export type CreateDidInput = z.output<typeof createDidSchema>;

export const updateDidSchema = z
  .object(didFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'at least one field is required');
export type UpdateDidInput = z.output<typeof updateDidSchema>;

export const didViewSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  number: z.string().describe('E.164'),
  label: z.string().nullable(),
  enabled: z.boolean(),
  dailyCap: z.number().int().nullable(),
  usesToday: z.number().int().describe('Calls placed from this DID today (UTC).'),
  totalUses: z.number().int(),
  lastUsedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DidView = z.infer<typeof didViewSchema>;

export function toDidView(row: DidRow, today: string): DidView {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    number: row.number,
    label: row.label,
    enabled: row.enabled,
    dailyCap: row.daily_cap,
    usesToday: row.usage_day === today ? row.uses_today : 0,
    totalUses: row.total_uses,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The UTC calendar day daily caps count in. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

export const selectDidSchema = z.object({
  destination: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .describe('The number to be called, for local presence; national input uses the tenant default country.'),
});
export type SelectDidInput = z.output<typeof selectDidSchema>;
