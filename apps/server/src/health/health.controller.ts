import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Public } from '../common/auth/auth.decorators.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { HealthService, readinessSchema } from './health.service.js';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiEndpoint({
    summary: 'Liveness: the process is up and serving',
    public: true,
    response: z.object({ status: z.literal('ok') }),
  })
  live() {
    return { status: 'ok' as const };
  }

  @Get('ready')
  @Public()
  @ApiEndpoint({
    summary: 'Readiness: database and each PBX connection, with state; 503 when something is not ready',
    description:
      'A simulated PBX is ready when connected, and reported with `simulated: true` and a warning.',
    public: true,
    response: readinessSchema,
    errors: [503],
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const readiness = await this.health.readiness();
    if (readiness.status !== 'ready') void reply.status(503);
    return readiness;
  }
}
