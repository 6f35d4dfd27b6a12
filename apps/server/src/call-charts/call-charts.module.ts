import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module.js';
import { CallChartsController } from './call-charts.controller.js';
import { CallChartsRepository } from './call-charts.repository.js';
import { CallChartsService } from './call-charts.service.js';

/** Figures for charts over many calls (read-only). */
@Module({
  imports: [TenantsModule],
  controllers: [CallChartsController],
  providers: [CallChartsRepository, CallChartsService],
})
export class CallChartsModule {}
