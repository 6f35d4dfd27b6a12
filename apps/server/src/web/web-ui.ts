import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { ErrorEnvelope } from '../common/errors/error-envelope.js';

/** Paths that belong to the API: an unknown one is a JSON 404, never the UI's index.html. */
const API_PREFIXES = ['/api/', '/api?', '/metrics'];

function isApiPath(url: string): boolean {
  return url === '/api' || API_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/**
 * Serves the built web UI (apps/web/dist) at `/`: hashed assets cached for a year, index.html never cached,
 * and index.html for any other GET so client-side routes (/calls/123) survive a reload. Without a build the
 * server stays API-only and says so at `/`.
 */
export function mountWebUi(fastify: FastifyInstance, distDir: string, logger: Logger): void {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    logger.warn({ distDir }, 'Web UI not built (run `npm run build`): serving the API only');
    fastify.get('/', (_request, reply) => {
      void reply.type('text/plain; charset=utf-8');
      return 'Switchboard API is running. The web UI is not built: run `npm run build`. API docs: /api/docs\n';
    });
    return;
  }
  const indexHtml = fs.readFileSync(indexFile);
  void fastify.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    decorateReply: false,
    setHeaders(reply, filePath) {
      const immutable = filePath.startsWith(path.join(distDir, 'assets') + path.sep);
      void reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(request.url)) {
      const body: ErrorEnvelope = { error: 'not-found', message: `Route GET ${request.url} not found` };
      return reply.status(404).send(body);
    }
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(indexHtml);
  };
  fastify.get('/', sendIndex);
  fastify.get('/*', sendIndex);
  logger.info({ distDir }, 'Web UI served at /');
}
