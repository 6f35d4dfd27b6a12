import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, MinRole } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { pageSchema, paginationQuerySchema, type PaginationQuery } from '../common/validation/pagination.js';
import { IdParam, ValidBody, ValidQuery } from '../common/validation/zod-params.js';
import {
  createDidSchema,
  didViewSchema,
  selectDidSchema,
  updateDidSchema,
  type CreateDidInput,
  type SelectDidInput,
  type UpdateDidInput,
} from './dids.dto.js';
import { DidsService } from './dids.service.js';

@ApiTags('dids')
@Controller('api/tenants/:tenantId/dids')
export class DidsController {
  constructor(private readonly dids: DidsService) {}

  @Get()
  @ApiEndpoint({
    summary: "List a tenant's DIDs (caller IDs) with usage counters",
    response: pageSchema(didViewSchema),
    errors: [400, 404],
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @ValidQuery(paginationQuerySchema) page: PaginationQuery,
  ) {
    return this.dids.list(principal, tenantId, page);
  }

  @Post()
  @MinRole('admin')
  @ApiEndpoint({
    summary: 'Add a DID; the number is stored in E.164',
    status: 201,
    response: didViewSchema,
    errors: [400, 403, 404, 409, 422],
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @ValidBody(createDidSchema) body: CreateDidInput,
  ) {
    return this.dids.create(principal, tenantId, body);
  }

  @Post('select')
  @MinRole('operator')
  @ApiEndpoint({
    summary: "Pick the caller ID for a call by the tenant's rotation strategy (counts toward the daily cap)",
    response: didViewSchema,
    errors: [400, 403, 404, 409, 422],
  })
  select(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @ValidBody(selectDidSchema) body: SelectDidInput,
  ) {
    return this.dids.select(principal, tenantId, body.destination);
  }

  @Get(':didId')
  @ApiEndpoint({ summary: 'Get a DID', response: didViewSchema, errors: [404] })
  get(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @IdParam('didId', 'DID') didId: string,
  ) {
    return this.dids.get(principal, tenantId, didId);
  }

  @Patch(':didId')
  @MinRole('admin')
  @ApiEndpoint({ summary: 'Change a DID', response: didViewSchema, errors: [400, 403, 404, 409, 422] })
  update(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @IdParam('didId', 'DID') didId: string,
    @ValidBody(updateDidSchema) body: UpdateDidInput,
  ) {
    return this.dids.update(principal, tenantId, didId, body);
  }

  @Delete(':didId')
  @MinRole('admin')
  @ApiEndpoint({ summary: 'Delete a DID', status: 204, errors: [403, 404] })
  async delete(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @IdParam('didId', 'DID') didId: string,
  ) {
    await this.dids.delete(principal, tenantId, didId);
  }
}
