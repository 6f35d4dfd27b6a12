import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from './app-error.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import type { ErrorEnvelope } from './error-envelope.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-entity',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/** Turns every error (ours, Nest's, Fastify's, unexpected ones) into the one JSON error envelope. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = toEnvelope(exception);
    if (status >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception) : exception);
    if (exception instanceof AppError) {
      for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

export function toEnvelope(exception: unknown): { status: number; body: ErrorEnvelope } {
  if (exception instanceof AppError) {
    const body: ErrorEnvelope = { error: exception.code, message: exception.message };
    if (exception.details !== undefined) body.details = exception.details;
    return { status: exception.status, body };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? String(response.message)
        : exception.message;
    return { status, body: { error: CODE_BY_STATUS[status] ?? `http-${status}`, message } };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      status: 503,
      body: { error: 'database-unavailable', message: 'The database is unavailable; try again shortly' },
    };
  }
  const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    // Fastify's own client errors (bad JSON, body too large, unsupported content type).
    const message = exception instanceof Error ? exception.message : 'Bad request';
    return {
      status: fastifyStatus,
      body: { error: CODE_BY_STATUS[fastifyStatus] ?? 'bad-request', message },
    };
  }
  return { status: 500, body: { error: 'internal-error', message: 'Internal server error' } };
}
