import { Controller, Delete, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CurrentPrincipal, MinRole, PlatformOnly } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { pageSchema } from '../common/validation/pagination.js';
import { ValidQuery } from '../common/validation/zod-params.js';
import {
  recordingListQuerySchema,
  recordingPageSchema,
  type RecordingListQuery,
} from '../recordings/recordings.dto.js';
import { RecordingsService } from '../recordings/recordings.service.js';
import { FileResponder } from './file-responder.js';
import { SoundReloadService } from './sound-reload.service.js';
import { UPLOAD_BODY_DOC } from './sounds.controller.js';
import {
  soundListQuerySchema,
  soundViewSchema,
  uploadQuerySchema,
  uploadResultSchema,
  type SoundListQuery,
  type UploadQuery,
} from './sounds.dto.js';
import { SoundsHttp } from './sounds.http.js';
import { SoundsService } from './sounds.service.js';

const UUID = z.uuid();
const ItemId = () =>
  ApiParam({
    name: 'id',
    type: 'string',
    description: 'A sound id (UUID) or a recording id (from /monitor).',
  });

/**
 * The original deployment's paths, kept for existing clients and mapped onto the sound library and the
 * recordings: an `:id` that is a UUID is a sound, anything else a recording.
 */
@ApiTags('asterisk-sounds (original paths)')
@Controller('api/asterisk-sounds')
export class AsteriskSoundsController {
  constructor(
    private readonly sounds: SoundsService,
    private readonly http: SoundsHttp,
    private readonly recordings: RecordingsService,
    private readonly responder: FileResponder,
    private readonly reloader: SoundReloadService,
  ) {}

  @Post('upload')
  @MinRole('operator')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY_DOC)
  @ApiEndpoint({
    summary: 'Upload sounds (same as POST /api/sounds)',
    status: 201,
    response: uploadResultSchema,
    errors: [400, 403, 404, 413, 415, 422],
  })
  upload(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(uploadQuerySchema) query: UploadQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.http.upload(principal, query, request, reply);
  }

  @Get('list')
  @ApiEndpoint({
    summary: 'List sounds (same as GET /api/sounds)',
    response: pageSchema(soundViewSchema),
    errors: [400, 404],
  })
  list(@CurrentPrincipal() principal: Principal, @ValidQuery(soundListQuerySchema) query: SoundListQuery) {
    return this.sounds.list(principal, query);
  }

  @Get('monitor')
  @ApiEndpoint({
    summary: 'List recordings (same as GET /api/recordings)',
    response: recordingPageSchema,
    errors: [400, 404],
  })
  monitor(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(recordingListQuerySchema) query: RecordingListQuery,
  ) {
    return this.recordings.list(principal, query);
  }

  @Get(':id/stream')
  @ItemId()
  @ApiEndpoint({
    summary: "Stream a sound's active version (PCM WAV) or a recording; HTTP Range supported",
    errors: [404, 409, 416],
  })
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = UUID.safeParse(id).success
      ? { ...(await this.sounds.preview(principal, id)), contentType: 'audio/wav' }
      : await this.recordings.file(principal, id);
    await this.responder.send(request, reply, file.path, file.contentType, file.name, 'inline');
  }

  @Delete(':id')
  @ItemId()
  @MinRole('operator')
  @ApiEndpoint({
    summary:
      'Delete a sound (operator) or a recording (admin, or operator when its tenant has operatorsMayDeleteRecordings)',
    status: 204,
    errors: [403, 404],
  })
  async delete(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    if (UUID.safeParse(id).success) return this.sounds.delete(principal, id);
    // The role and the tenant's operatorsMayDeleteRecordings are checked there, as for /api/recordings.
    await this.recordings.delete(principal, id);
  }

  @Post('reload')
  @MinRole('admin')
  // `Action: Reload` reloads every module of the PBX that all tenants share, so no tenant's key may ask for it.
  @PlatformOnly()
  @ApiEndpoint({
    summary: 'Reload the PBX over AMI and answer what Asterisk said (platform admins only)',
    response: z.object({ pbx: z.string(), response: z.string(), message: z.string().nullable() }),
    errors: [403, 502],
  })
  reload() {
    return this.reloader.reload();
  }
}
