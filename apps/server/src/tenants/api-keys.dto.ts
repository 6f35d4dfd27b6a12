import { z } from 'zod';
import { safeText } from '../common/validation/safe-text.js';
import type { ApiKeyRow } from '../db/database.types.js';

export const API_KEY_ROLES = ['admin', 'operator', 'viewer'] as const;

export const createApiKeySchema = z.object({
  name: safeText(100).describe('What the key is for, e.g. "CRM integration".'),
  role: z
    .enum(API_KEY_ROLES)
    .describe(
      'admin: its tenant, settings and keys included; operator: calls and sounds in its tenant; viewer: read its tenant.',
    ),
});
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const createPlatformApiKeySchema = z.object({
  name: safeText(100).describe('What the key is for, e.g. "ops team".'),
  role: z
    .literal('admin', 'platform keys are admin only: create operator and viewer keys under a tenant')
    .default('admin')
    .describe('Always admin: a platform key administers every tenant.'),
});
export type CreatePlatformApiKeyInput = z.output<typeof createPlatformApiKeySchema>;

export const apiKeyViewSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid().nullable().describe('Null for a platform key (admin of every tenant).'),
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
    .describe(
      'Null for a platform key (ADMIN_API_KEY or a stored platform admin key), which acts on every tenant; every other key, admin included, acts only on this one.',
    ),
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
