import { Injectable } from '@nestjs/common';
import { notFound } from '../errors/app-error.js';
import { TenantsRepository } from '../../tenants/tenants.repository.js';
import type { Principal } from './principal.js';

/**
 * The one access check: which tenant a request may act on. Another tenant's id answers 404 exactly like a
 * missing one, so a key learns nothing about tenants it does not belong to. Repositories then scope every
 * query by the tenant id returned here.
 */
@Injectable()
export class AccessService {
  constructor(private readonly tenants: TenantsRepository) {}

  async tenantScope(principal: Principal, tenantId: string): Promise<string> {
    if (principal.tenantId !== null) {
      if (principal.tenantId !== tenantId) throw notFound('Tenant');
      return tenantId;
    }
    if (!(await this.tenants.findById(tenantId))) throw notFound('Tenant');
    return tenantId;
  }
}
