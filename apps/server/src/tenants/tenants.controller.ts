import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, MinRole, PlatformOnly } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { pageSchema, paginationQuerySchema, type PaginationQuery } from '../common/validation/pagination.js';
import { IdParam, ValidBody, ValidQuery } from '../common/validation/zod-params.js';
import {
  createTenantSchema,
  tenantViewSchema,
  updateTenantSchema,
  type CreateTenantInput,
  type UpdateTenantInput,
} from './tenants.dto.js';
import { TenantsService } from './tenants.service.js';

@ApiTags('tenants')
@Controller('api/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @ApiEndpoint({
    summary:
      'List tenants (a platform key sees every tenant; a key bound to a tenant, admin included, only its own)',
    response: pageSchema(tenantViewSchema),
    errors: [400],
  })
  list(@CurrentPrincipal() principal: Principal, @ValidQuery(paginationQuerySchema) page: PaginationQuery) {
    return this.tenants.list(principal, page);
  }

  @Post()
  @MinRole('admin')
  @PlatformOnly()
  @ApiEndpoint({
    summary: 'Create a tenant (platform key only)',
    status: 201,
    response: tenantViewSchema,
    errors: [400, 403, 409],
  })
  create(@ValidBody(createTenantSchema) body: CreateTenantInput) {
    return this.tenants.create(body);
  }

  @Get(':tenantId')
  @ApiEndpoint({ summary: 'Get a tenant', response: tenantViewSchema, errors: [404] })
  get(@CurrentPrincipal() principal: Principal, @IdParam('tenantId', 'Tenant') tenantId: string) {
    return this.tenants.get(principal, tenantId);
  }

  @Patch(':tenantId')
  @MinRole('admin')
  @ApiEndpoint({
    summary: "Change a tenant's settings (admin of the tenant, or a platform key)",
    description:
      "A new slug moves the tenant's PBX sounds folder with it (`custom/<slug>/`); 409 `sound-folder-taken` when a folder of that name already holds files, and nothing of the change is stored.",
    response: tenantViewSchema,
    errors: [400, 403, 404, 409],
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @ValidBody(updateTenantSchema) body: UpdateTenantInput,
  ) {
    return this.tenants.update(principal, tenantId, body);
  }

  @Delete(':tenantId')
  @MinRole('admin')
  @PlatformOnly()
  @ApiEndpoint({
    summary:
      'Delete a tenant and everything it owns, its API keys and its sound files included (platform key only)',
    status: 204,
    errors: [403, 404],
  })
  async delete(@CurrentPrincipal() principal: Principal, @IdParam('tenantId', 'Tenant') tenantId: string) {
    await this.tenants.delete(principal, tenantId);
  }
}
