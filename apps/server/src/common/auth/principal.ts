import type { ApiKeyRole } from '../../db/database.types.js';

/** Who is calling, resolved from the API key. */
export interface Principal {
  /** The key's id; null for the ADMIN_API_KEY from the environment. */
  keyId: string | null;
  /** The key's tenant; null for ADMIN_API_KEY (and keys created without a tenant). */
  tenantId: string | null;
  role: ApiKeyRole;
}

export const ROLE_RANK: Record<ApiKeyRole, number> = { viewer: 1, operator: 2, admin: 3 };

/**
 * `admin` keys administer every tenant (issue 4: "admin (all tenants, settings)"), whichever tenant they
 * belong to; `operator` and `viewer` keys are confined to their own tenant.
 */
export const spansAllTenants = (principal: Principal): boolean => principal.role === 'admin';

/** Looks up a presented key; implemented by the API keys service. */
export abstract class PrincipalResolver {
  /** The principal for `key`, or undefined when the key is unknown or revoked. */
  abstract resolve(key: string): Promise<Principal | undefined>;
}
