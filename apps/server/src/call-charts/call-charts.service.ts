import { Injectable } from '@nestjs/common';
import { AccessService } from '../common/auth/access.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { validationFailed } from '../common/errors/app-error.js';
import type { HourlyFigures, HourlyQuery } from './call-charts.dto.js';
import { CallChartsRepository } from './call-charts.repository.js';
import { chartPeriod } from './chart-period.js';

@Injectable()
export class CallChartsService {
  constructor(
    private readonly charts: CallChartsRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async hourly(principal: Principal, query: HourlyQuery): Promise<HourlyFigures> {
    const requested = query.tenantId ?? principal.tenantId;
    if (requested === null) {
      throw validationFailed('tenantId is required for this key', {
        issues: [{ path: 'tenantId', message: 'required: the key belongs to no tenant' }],
      });
    }
    const tenantId = await this.access.tenantScope(principal, requested);
    const period = chartPeriod(this.clock.now(), query.since, query.until, query.timeZone);
    const buckets = await this.charts.hourly(tenantId, period, query.timeZone);
    return { since: period.since.toISOString(), until: period.until.toISOString(), buckets };
  }
}
