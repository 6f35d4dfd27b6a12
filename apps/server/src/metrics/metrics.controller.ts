import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/auth.decorators.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { MetricsService } from './metrics.service.js';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Public()
  @ApiProduces('text/plain')
  @ApiEndpoint({
    summary: 'Prometheus metrics: HTTP, AMI client counters, PBX state, database pool, process',
    public: true,
  })
  async scrape(@Res() reply: FastifyReply) {
    const { contentType, body } = await this.metrics.render();
    await reply.header('content-type', contentType).send(body);
  }
}
