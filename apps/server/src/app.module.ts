import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Clock, RandomSource } from './common/clock.js';
import { ErrorEnvelopeFilter } from './common/errors/error.filter.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DatabaseHandle } from './db/database.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsService } from './metrics/metrics.service.js';
import { PbxConnector } from './pbx/pbx-client.js';
import { CallChartsModule } from './call-charts/call-charts.module.js';
import { CallsModule } from './calls/calls.module.js';
import { PbxService } from './pbx/pbx.service.js';
import { SoundsModule } from './sounds/sounds.module.js';
import { TenantsModule } from './tenants/tenants.module.js';

/** What the app is built from; main.ts opens the real ones, tests hand in their own. */
export interface AppDependencies {
  config: AppConfig;
  database: DatabaseHandle;
  pbxConnector: PbxConnector;
  clock: Clock;
  random: RandomSource;
}

@Global()
@Module({})
class CoreModule {
  static forRoot(deps: AppDependencies): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: DatabaseHandle, useValue: deps.database },
        { provide: PbxConnector, useValue: deps.pbxConnector },
        { provide: Clock, useValue: deps.clock },
        { provide: RandomSource, useValue: deps.random },
        PbxService,
        MetricsService,
      ],
      exports: [APP_CONFIG, DatabaseHandle, PbxConnector, Clock, RandomSource, PbxService, MetricsService],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(deps), TenantsModule, CallsModule, CallChartsModule, SoundsModule],
      controllers: [HealthController, MetricsController],
      providers: [HealthService, { provide: APP_FILTER, useClass: ErrorEnvelopeFilter }],
    };
  }
}
