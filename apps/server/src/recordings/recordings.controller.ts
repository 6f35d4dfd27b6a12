import { Controller, Delete, Get, Param, Req, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, MinRole } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { ValidQuery } from '../common/validation/zod-params.js';
import { FileResponder } from '../sounds/file-responder.js';
import {
  recordingListQuerySchema,
  recordingPageSchema,
  recordingViewSchema,
  type RecordingListQuery,
} from './recordings.dto.js';
import { RecordingsService } from './recordings.service.js';

const RecordingId = () =>
  ApiParam({ name: 'recordingId', type: 'string', description: 'Recording id (from the list)' });

@ApiTags('recordings')
@Controller('api/recordings')
export class RecordingsController {
  constructor(
    private readonly recordings: RecordingsService,
    private readonly responder: FileResponder,
  ) {}

  @Get()
  @ApiEndpoint({
    summary: 'List call recordings (newest first; filters; paged)',
    response: recordingPageSchema,
    errors: [400, 404],
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(recordingListQuerySchema) query: RecordingListQuery,
  ) {
    return this.recordings.list(principal, query);
  }

  @Get(':recordingId')
  @RecordingId()
  @ApiEndpoint({ summary: 'Get a recording', response: recordingViewSchema, errors: [404] })
  get(@CurrentPrincipal() principal: Principal, @Param('recordingId') id: string) {
    return this.recordings.get(principal, id);
  }

  @Get(':recordingId/stream')
  @RecordingId()
  @ApiEndpoint({ summary: 'Stream a recording (HTTP Range: 206 with Content-Range)', errors: [404, 416] })
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Param('recordingId') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.recordings.file(principal, id);
    await this.responder.send(request, reply, file.path, file.contentType, file.name, 'inline');
  }

  @Get(':recordingId/playable')
  @RecordingId()
  @ApiEndpoint({
    summary: 'A recording as browser-playable PCM WAV (converted by sox when it is GSM, WAV49, u-law...)',
    errors: [404, 415, 416],
  })
  async playable(
    @CurrentPrincipal() principal: Principal,
    @Param('recordingId') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.recordings.playable(principal, id);
    reply.raw.once('close', () => void file.cleanup());
    await this.responder.send(request, reply, file.path, file.contentType, file.name, 'inline');
  }

  @Get(':recordingId/download')
  @RecordingId()
  @ApiEndpoint({ summary: 'Download a recording (attachment; Range supported)', errors: [404, 416] })
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('recordingId') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.recordings.file(principal, id);
    await this.responder.send(request, reply, file.path, file.contentType, file.name, 'attachment');
  }

  @Delete(':recordingId')
  @RecordingId()
  @MinRole('operator')
  @ApiEndpoint({
    summary: 'Delete a recording (admin, or operator when its tenant has operatorsMayDeleteRecordings)',
    status: 204,
    errors: [403, 404],
  })
  async delete(@CurrentPrincipal() principal: Principal, @Param('recordingId') id: string) {
    await this.recordings.delete(principal, id);
  }
}
