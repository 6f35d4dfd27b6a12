import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { ValidQuery } from '../common/validation/zod-params.js';
import { hourlyFiguresSchema, hourlyQuerySchema, type HourlyQuery } from './call-charts.dto.js';
import { CallChartsService } from './call-charts.service.js';

@ApiTags('calls')
@Controller('api/calls/stats')
export class CallChartsController {
  constructor(private readonly charts: CallChartsService) {}

  @Get('hourly')
  @ApiEndpoint({
    summary:
      'Calls per hour (of timeZone, default UTC) by outcome over a period of at most 31 days (default: today)',
    response: hourlyFiguresSchema,
    errors: [400, 404],
  })
  hourly(@CurrentPrincipal() principal: Principal, @ValidQuery(hourlyQuerySchema) query: HourlyQuery) {
    return this.charts.hourly(principal, query);
  }
}
