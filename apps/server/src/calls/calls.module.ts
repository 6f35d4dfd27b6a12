import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseNotifications } from '../db/database-notifications.js';
import { SoundsModule } from '../sounds/sounds.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { TenantsRepository } from '../tenants/tenants.repository.js';
import { CallReportsRepository } from './call-reports.repository.js';
import { CallReportsService } from './call-reports.service.js';
import { CallDispatcherService } from './call-dispatcher.service.js';
import { CallStreamHub } from './call-stream.hub.js';
import { CallStreamRelay } from './call-stream.relay.js';
import { CallStreamService } from './call-stream.service.js';
import { CallTrackingService } from './call-tracking.service.js';
import { CallsController } from './calls.controller.js';
import { CallsOptions, callsOptionsFrom } from './calls.options.js';
import { CallPlacementRepository } from './call-placement.repository.js';
import { CallPlacementService } from './call-placement.service.js';
import { CallsRepository } from './calls.repository.js';
import { CallsService } from './calls.service.js';

@Module({
  imports: [TenantsModule, SoundsModule],
  controllers: [CallsController],
  providers: [
    {
      provide: CallsOptions,
      useFactory: (config: AppConfig) => callsOptionsFrom(config),
      inject: [APP_CONFIG],
    },
    CallPlacementRepository,
    CallPlacementService,
    CallsRepository,
    TenantsRepository,
    CallStreamHub,
    CallStreamService,
    DatabaseNotifications,
    CallStreamRelay,
    CallTrackingService,
    CallDispatcherService,
    CallsService,
    CallReportsRepository,
    CallReportsService,
  ],
  exports: [CallsService, CallReportsService, CallTrackingService, CallStreamHub, CallsOptions],
})
export class CallsModule {}
