import { Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, MinRole, PlatformOnly } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { pageSchema, paginationQuerySchema, type PaginationQuery } from '../common/validation/pagination.js';
import { IdParam, ValidBody, ValidQuery } from '../common/validation/zod-params.js';
import {
  apiKeyViewSchema,
  createApiKeySchema,
  createdApiKeySchema,
  createPlatformApiKeySchema,
  principalViewSchema,
  type CreateApiKeyInput,
  type CreatePlatformApiKeyInput,
} from './api-keys.dto.js';
import { ApiKeysService } from './api-keys.service.js';

@ApiTags('api-keys')
@Controller('api')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get('auth/me')
  @ApiEndpoint({ summary: 'Who the presented key is: tenant and role', response: principalViewSchema })
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Get('tenants/:tenantId/api-keys')
  @MinRole('admin')
  @ApiEndpoint({
    summary: "List a tenant's API keys (prefix only, never the secret)",
    response: pageSchema(apiKeyViewSchema),
    errors: [400, 403, 404],
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @ValidQuery(paginationQuerySchema) page: PaginationQuery,
  ) {
    return this.keys.list(principal, tenantId, page);
  }

  @Post('tenants/:tenantId/api-keys')
  @MinRole('admin')
  @ApiEndpoint({
    summary: 'Create an API key; the secret is in this answer only',
    status: 201,
    response: createdApiKeySchema,
    errors: [400, 403, 404],
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @ValidBody(createApiKeySchema) body: CreateApiKeyInput,
  ) {
    return this.keys.create(principal, tenantId, body);
  }

  @Delete('tenants/:tenantId/api-keys/:keyId')
  @MinRole('admin')
  @ApiEndpoint({ summary: 'Revoke an API key', status: 204, errors: [403, 404] })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @IdParam('tenantId', 'Tenant') tenantId: string,
    @IdParam('keyId', 'API key') keyId: string,
  ) {
    await this.keys.revoke(principal, tenantId, keyId);
  }

  @Get('api-keys')
  @MinRole('admin')
  @PlatformOnly()
  @ApiEndpoint({
    summary: 'List the platform API keys (no tenant, admin of every tenant; platform key only)',
    response: pageSchema(apiKeyViewSchema),
    errors: [400, 403],
  })
  listPlatform(@ValidQuery(paginationQuerySchema) page: PaginationQuery) {
    return this.keys.listPlatform(page);
  }

  @Post('api-keys')
  @MinRole('admin')
  @PlatformOnly()
  @ApiEndpoint({
    summary:
      'Create a platform API key (admin of every tenant; platform key only); the secret is in this answer only',
    status: 201,
    response: createdApiKeySchema,
    errors: [400, 403],
  })
  createPlatform(@ValidBody(createPlatformApiKeySchema) body: CreatePlatformApiKeyInput) {
    return this.keys.createPlatform(body);
  }

  @Delete('api-keys/:keyId')
  @MinRole('admin')
  @PlatformOnly()
  @ApiEndpoint({ summary: 'Revoke a platform API key (platform key only)', status: 204, errors: [403, 404] })
  async revokePlatform(@IdParam('keyId', 'API key') keyId: string) {
    await this.keys.revokePlatform(keyId);
  }
}
