import type { ApiKeyRole } from '../../db/database.types.js';

/** Who is calling, resolved from the API key. */
export interface Principal {
  /** The key's id; null for the ADMIN_API_KEY from the environment. */
  keyId: string | null;
  /** The key's tenant; null for platform principals: ADMIN_API_KEY and stored platform admin keys. */
  tenantId: string | null;
  role: ApiKeyRole;
}

export const ROLE_RANK: Record<ApiKeyRole, number> = { viewer: 1, operator: 2, admin: 3 };

/**
 * Only platform principals act on every tenant: ADMIN_API_KEY and stored admin keys without a tenant (the
 * database refuses a tenantless key of any other role). A key bound to a tenant, admin included, is confined to
 * that tenant: customer A's admin never reads or changes customer B.
 */
export const spansAllTenants = (principal: Principal): boolean =>
  principal.role === 'admin' && principal.tenantId === null;

/** Looks up a presented key; implemented by the API keys service. */
export abstract class PrincipalResolver {
  /** The principal for `key`, or undefined when the key is unknown or revoked. */
  abstract resolve(key: string): Promise<Principal | undefined>;
}
