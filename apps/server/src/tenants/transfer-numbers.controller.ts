import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, MinRole } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { pageSchema, paginationQuerySchema, type PaginationQuery } from '../common/validation/pagination.js';
import { IdParam, ValidBody, ValidQuery } from '../common/validation/zod-params.js';
import {
  createTransferNumberSchema,
  transferNumberViewSchema,
  updateTransferNumberSchema,
  type CreateTransferNumberInput,
  type UpdateTransferNumberInput,
} from './transfer-numbers.dto.js';
import { TransferNumbersService } from './transfer-numbers.service.js';

@ApiTags('transfer-numbers')
@Controller('api/tenants/:tenantId/transfer-numbers')
export class TransferNumbersController {
  constructor(private readonly numbers: TransferNumbersService) {}

  @Get()
  @ApiEndpoint({
    summary: "List a tenant's transfer numbers",
    response: pageSchema(transferNumberViewSchema),
    errors: [400, 404],
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @ValidQuery(paginationQuerySchema) page: PaginationQuery,
  ) {
    return this.numbers.list(principal, tenantId, page);
  }

  @Post()
  @MinRole('admin')
  @ApiEndpoint({
    summary: 'Add a transfer number; stored in E.164',
    status: 201,
    response: transferNumberViewSchema,
    errors: [400, 403, 404, 409, 422],
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @ValidBody(createTransferNumberSchema) body: CreateTransferNumberInput,
  ) {
    return this.numbers.create(principal, tenantId, body);
  }

  @Get(':numberId')
  @ApiEndpoint({ summary: 'Get a transfer number', response: transferNumberViewSchema, errors: [404] })
  get(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @IdParam('numberId', 'Transfer number') numberId: string,
  ) {
    return this.numbers.get(principal, tenantId, numberId);
  }

  @Patch(':numberId')
  @MinRole('admin')
  @ApiEndpoint({
    summary: 'Change a transfer number',
    response: transferNumberViewSchema,
    errors: [400, 403, 404, 409, 422],
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @IdParam('numberId', 'Transfer number') numberId: string,
    @ValidBody(updateTransferNumberSchema) body: UpdateTransferNumberInput,
  ) {
    return this.numbers.update(principal, tenantId, numberId, body);
  }

  @Delete(':numberId')
  @MinRole('admin')
  @ApiEndpoint({ summary: 'Delete a transfer number', status: 204, errors: [403, 404] })
  async delete(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @IdParam('numberId', 'Transfer number') numberId: string,
  ) {
    await this.numbers.delete(principal, tenantId, numberId);
  }
}
