import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule, type AppDependencies } from './app.module.js';
import { PinoNestLogger } from './logging/logger.js';
import { MetricsService } from './metrics/metrics.service.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { mountOpenApi } from './openapi.js';
import { mountWebUi } from './web/web-ui.js';

/** Builds the HTTP app (not listening yet): routes, error envelope, metrics hooks, OpenAPI, Swagger UI, web UI. */
export async function createApp(deps: AppDependencies, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Fastify logs every request at info; keep that for LOG_LEVEL=debug/trace only.
    loggerInstance: logger.child(
      { component: 'http' },
      { level: logger.levelVal < 30 ? logger.level : 'warn' },
    ),
    bodyLimit: 1024 * 1024,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(deps), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeHttp(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  mountOpenApi(app);
  mountWebUi(fastify, app.get<AppConfig>(APP_CONFIG).webDistDir, logger);
  await app.init();
  await fastify.ready();
  return app;
}
