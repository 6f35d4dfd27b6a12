import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessService } from '../common/auth/access.service.js';
import { AuthGuard } from '../common/auth/auth.guard.js';
import { PrincipalResolver } from '../common/auth/principal.js';
import { AdminKeyFile } from './admin-key-file.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { DidsController } from './dids.controller.js';
import { DidsRepository } from './dids.repository.js';
import { DidsService } from './dids.service.js';
import { FirstStartService } from './first-start.service.js';
import { TenantLifecycle } from './tenant-lifecycle.js';
import { TenantsController } from './tenants.controller.js';
import { TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';
import { TransferNumbersController } from './transfer-numbers.controller.js';
import { TransferNumbersRepository } from './transfer-numbers.repository.js';
import { TransferNumbersService } from './transfer-numbers.service.js';

@Module({
  controllers: [TenantsController, ApiKeysController, DidsController, TransferNumbersController],
  providers: [
    TenantsRepository,
    TenantsService,
    TenantLifecycle,
    AccessService,
    ApiKeysRepository,
    ApiKeysService,
    { provide: PrincipalResolver, useExisting: ApiKeysService },
    { provide: APP_GUARD, useClass: AuthGuard },
    DidsRepository,
    DidsService,
    TransferNumbersRepository,
    TransferNumbersService,
    AdminKeyFile,
    FirstStartService,
  ],
  exports: [
    AccessService,
    TenantsService,
    TenantLifecycle,
    DidsService,
    TransferNumbersService,
    ApiKeysService,
    FirstStartService,
  ],
})
export class TenantsModule {}
