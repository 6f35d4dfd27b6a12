import { Controller, Get, Headers, Post, Req, Res } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, MinRole } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { pageSchema } from '../common/validation/pagination.js';
import { IdParam, ValidBody, ValidQuery } from '../common/validation/zod-params.js';
import { CallReportsService } from './call-reports.service.js';
import { CallStreamService } from './call-stream.service.js';
import {
  callDetailSchema,
  callStatsSchema,
  callViewSchema,
  exportQuerySchema,
  statsQuerySchema,
  type StatsQuery,
  listCallsQuerySchema,
  makeCallSchema,
  tenantQuerySchema,
  type ListCallsQuery,
  type MakeCallInput,
} from './calls.dto.js';
import { CallsService } from './calls.service.js';
import { CallPlacementService } from './call-placement.service.js';

const MAKE_CALL = {
  summary: 'Place a call',
  description:
    "Answers 202 with the call (`dialing`, or `queued` when the tenant's calls-per-second pacing holds it). " +
    'The same `Idempotency-Key` with the same body returns the same call and places no second one.',
  status: 202,
  response: callViewSchema,
  errors: [400, 403, 404, 409, 422, 429],
};

@ApiTags('calls')
@Controller('api/calls')
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly placement: CallPlacementService,
    private readonly liveStream: CallStreamService,
    private readonly reports: CallReportsService,
  ) {}

  @Post('make-call')
  @MinRole('operator')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Replays of a request place one call.',
  })
  @ApiEndpoint(MAKE_CALL)
  makeCall(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(makeCallSchema) body: MakeCallInput,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.placement.makeCall(principal, body, key);
  }

  @Post()
  @MinRole('operator')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Replays of a request place one call.',
  })
  @ApiEndpoint({ ...MAKE_CALL, summary: 'Place a call (same as make-call)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(makeCallSchema) body: MakeCallInput,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.placement.makeCall(principal, body, key);
  }

  @Get()
  @ApiEndpoint({
    summary: 'Call logs, newest first',
    response: pageSchema(callViewSchema),
    errors: [400, 404],
  })
  list(@CurrentPrincipal() principal: Principal, @ValidQuery(listCallsQuerySchema) query: ListCallsQuery) {
    return this.calls.list(principal, query);
  }

  @Get('stats')
  @ApiEndpoint({
    summary: 'Call statistics over a period, in total and per DID',
    response: callStatsSchema,
    errors: [400, 404],
  })
  stats(@CurrentPrincipal() principal: Principal, @ValidQuery(statsQuerySchema) query: StatsQuery) {
    return this.reports.stats(principal, query);
  }

  @Get('export.csv')
  @ApiEndpoint({
    summary: 'Call logs as CSV (streamed), newest first, with the list filters',
    description: 'A `text/csv` body, one line per call.',
    errors: [400, 404],
  })
  async exportCsv(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(exportQuerySchema) query: ListCallsQuery,
    @Res() reply: FastifyReply,
  ) {
    const lines = this.reports.csv(principal, query);
    const first = await lines.next();
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="calls.csv"',
    });
    const stream = Readable.from(
      (async function* () {
        if (!first.done) yield first.value;
        yield* lines;
      })(),
    );
    stream.pipe(reply.raw);
  }

  @Get('stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event.' })
  @ApiEndpoint({
    summary: "Live call changes of the key's tenant (Server-Sent Events)",
    description:
      'A `text/event-stream`: one `call` event (the call as JSON) per change, with an `id` to resume from.',
    errors: [400, 404],
  })
  async stream(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(tenantQuerySchema) query: { tenantId?: string | undefined },
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const tenantId = await this.calls.tenantOf(principal, query.tenantId);
    const resumeFrom =
      lastEventId !== undefined && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : undefined;
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    reply.raw.write(': connected\n\n');
    const keepalive = setInterval(() => reply.raw.write(': keepalive\n\n'), 15_000);
    let closed = false;
    let unsubscribe = (): void => undefined;
    request.raw.on('close', () => {
      closed = true;
      clearInterval(keepalive);
      unsubscribe();
    });
    try {
      // Resuming may read the database first (a Last-Event-ID older than what memory holds).
      unsubscribe = await this.liveStream.subscribe(tenantId, resumeFrom, (message) => {
        reply.raw.write(`id: ${message.id}\nevent: call\ndata: ${JSON.stringify(message.call)}\n\n`);
      });
    } catch {
      clearInterval(keepalive);
      reply.raw.end();
      return;
    }
    if (closed) unsubscribe();
  }

  @Get(':id')
  @ApiEndpoint({ summary: 'A call with its event trail', response: callDetailSchema, errors: [400, 404] })
  get(
    @CurrentPrincipal() principal: Principal,
    @IdParam('id', 'Call') id: string,
    @ValidQuery(tenantQuerySchema) query: { tenantId?: string | undefined },
  ) {
    return this.calls.get(principal, id, query.tenantId);
  }

  @Post(':id/hangup')
  @MinRole('operator')
  @ApiEndpoint({
    summary: 'Hang a call up: canceled before the answer, completed after',
    status: 202,
    response: callViewSchema,
    errors: [400, 403, 404, 409],
  })
  hangup(
    @CurrentPrincipal() principal: Principal,
    @IdParam('id', 'Call') id: string,
    @ValidQuery(tenantQuerySchema) query: { tenantId?: string | undefined },
  ) {
    return this.calls.hangup(principal, id, query.tenantId);
  }
}
