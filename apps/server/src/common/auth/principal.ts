import type { ApiKeyRole } from '../../db/database.types.js';

/** Who is calling, resolved from the API key. */
export interface Principal {
  /** The key's id; null for the ADMIN_API_KEY from the environment. */
  keyId: string | null;
  /** The key's tenant; null for platform keys (super-admin), which act on every tenant. */
  tenantId: string | null;
  role: ApiKeyRole;
}

export const ROLE_RANK: Record<ApiKeyRole, number> = { viewer: 1, operator: 2, admin: 3 };

export const isPlatformAdmin = (principal: Principal): boolean =>
  principal.tenantId === null && principal.role === 'admin';

/** Looks up a presented key; implemented by the API keys service. */
export abstract class PrincipalResolver {
  /** The principal for `key`, or undefined when the key is unknown or revoked. */
  abstract resolve(key: string): Promise<Principal | undefined>;
}
