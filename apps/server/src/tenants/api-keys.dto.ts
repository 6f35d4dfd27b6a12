import { z } from 'zod';
import { safeText } from '../common/validation/safe-text.js';
import type { ApiKeyRow } from '../db/database.types.js';

export const API_KEY_ROLES = ['admin', 'operator', 'viewer'] as const;

export const createApiKeySchema = z.object({
  name: safeText(100).describe('What the key is for, e.g. "CRM integration".'),
  role: z
    .enum(API_KEY_ROLES)
    .describe(
      'admin: every tenant, settings and keys; operator: calls and sounds in its tenant; viewer: read its tenant.',
    ),
});
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const apiKeyViewSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid().nullable(),
  name: z.string(),
  role: z.enum(API_KEY_ROLES),
  prefix: z.string().describe('The first characters of the key, to recognise it.'),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

export const createdApiKeySchema = apiKeyViewSchema.extend({
  key: z.string().describe('The secret key. Shown only in this answer: store it now.'),
});

export const principalViewSchema = z.object({
  keyId: z.uuid().nullable().describe('Null for ADMIN_API_KEY.'),
  tenantId: z
    .uuid()
    .nullable()
    .describe('Null for ADMIN_API_KEY. Admin keys act on every tenant; others only on this one.'),
  role: z.enum(API_KEY_ROLES),
});

export function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
