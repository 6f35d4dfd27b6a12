import { Injectable } from '@nestjs/common';
import { notFound } from '../errors/app-error.js';
import { TenantsRepository } from '../../tenants/tenants.repository.js';
import { spansAllTenants, type Principal } from './principal.js';

/**
 * The one access check: which tenant a request may act on. Platform principals (ADMIN_API_KEY, admin keys
 * without a tenant) act on every tenant; every key bound to a tenant, admin included, only on its own, and
 * another tenant's id answers 404 exactly like a missing one, so such a key learns nothing about tenants it does
 * not belong to. Repositories then scope every query by the tenant id returned here.
 */
@Injectable()
export class AccessService {
  constructor(private readonly tenants: TenantsRepository) {}

  async tenantScope(principal: Principal, tenantId: string): Promise<string> {
    if (!spansAllTenants(principal)) {
      if (principal.tenantId !== tenantId) throw notFound('Tenant');
      return tenantId;
    }
    if (!(await this.tenants.findById(tenantId))) throw notFound('Tenant');
    return tenantId;
  }

  /** The only tenant a listing across tenants may show, or undefined when the key sees them all. */
  listScope(principal: Principal): string | undefined {
    if (spansAllTenants(principal)) return undefined;
    // Only platform admins lack a tenant (CHECK api_keys_tenantless_admin_only, ApiKeysService.resolve); a
    // tenantless principal of another role would be a bug: refuse rather than widen.
    if (principal.tenantId === null) throw new Error('A tenantless principal that is not a platform admin');
    return principal.tenantId;
  }
}
