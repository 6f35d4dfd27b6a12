import { sql, type Kysely } from 'kysely';

/**
 * Tenant isolation: a key without a tenant is a platform key, which spans every tenant, so only the admin role
 * may lack a tenant. A tenantless operator or viewer key was never usable (ApiKeysService.resolve refused it),
 * so any such row is deleted before the CHECK is added. Platform keys are listed through api_keys_tenant_idx
 * (btree finds `tenant_id IS NULL`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM api_keys WHERE tenant_id IS NULL AND role <> 'admin'`.execute(db);
  await sql`ALTER TABLE api_keys
    ADD CONSTRAINT api_keys_tenantless_admin_only CHECK (tenant_id IS NOT NULL OR role = 'admin')`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE api_keys DROP CONSTRAINT IF EXISTS api_keys_tenantless_admin_only`.execute(db);
}
