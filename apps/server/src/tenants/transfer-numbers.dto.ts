import { z } from 'zod';
import { safeText } from '../common/validation/safe-text.js';
import type { TransferNumberRow } from '../db/database.types.js';

const transferFields = {
  number: z.string().min(1).max(40).describe('Phone number; national input uses the tenant default country.'),
  label: safeText(100).nullable(),
  weight: z.number().int().min(0).max(1000).describe('Relative share of transfers; 0 = never picked.'),
  enabled: z.boolean(),
  concurrentCap: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .nullable()
    .describe('Most simultaneous transfers; null = no cap.'),
};

export const createTransferNumberSchema = z.object({
  ...transferFields,
  label: transferFields.label.default(null),
  weight: transferFields.weight.default(1),
  enabled: transferFields.enabled.default(true),
  concurrentCap: transferFields.concurrentCap.default(null),
});
export type CreateTransferNumberInput = z.output<typeof createTransferNumberSchema>;

export const updateTransferNumberSchema = z
  .object(transferFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'at least one field is required');
export type UpdateTransferNumberInput = z.output<typeof updateTransferNumberSchema>;

export const transferNumberViewSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  number: z.string().describe('E.164'),
  label: z.string().nullable(),
  weight: z.number().int(),
  enabled: z.boolean(),
  concurrentCap: z.number().int().nullable(),
  activeCalls: z.number().int().describe('Transfers in progress to this number.'),
  totalUses: z.number().int(),
  lastUsedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TransferNumberView = z.infer<typeof transferNumberViewSchema>;

export function toTransferNumberView(row: TransferNumberRow): TransferNumberView {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    number: row.number,
    label: row.label,
    weight: row.weight,
    enabled: row.enabled,
    concurrentCap: row.concurrent_cap,
    activeCalls: row.active_calls,
    totalUses: row.total_uses,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
