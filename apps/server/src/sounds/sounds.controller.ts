import { Controller, Delete, Get, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags, type ApiBodyOptions } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, MinRole } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { pageSchema } from '../common/validation/pagination.js';
import { IdParam, ValidBody, ValidQuery } from '../common/validation/zod-params.js';
import { FileResponder } from './file-responder.js';
import { SoundsHttp } from './sounds.http.js';
import {
  peaksViewSchema,
  soundListQuerySchema,
  soundVersionViewSchema,
  soundViewSchema,
  updateSoundSchema,
  uploadQuerySchema,
  uploadResultSchema,
  type SoundListQuery,
  type UpdateSoundInput,
  type UploadQuery,
} from './sounds.dto.js';
import { SoundsService } from './sounds.service.js';

export const UPLOAD_BODY_DOC: ApiBodyOptions = {
  schema: {
    type: 'object',
    properties: {
      name: {
        type: 'string',
        description: 'Sound name (sanitised); defaults to the file name. Before the file.',
      },
      description: { type: 'string' },
      type: {
        type: 'string',
        enum: ['wav', 'mp3', 'ogg', 'flac', 'gsm', 'ulaw', 'alaw'],
        description: 'Needed for raw GSM, u-law, a-law.',
      },
      normalise: { type: 'boolean', description: 'Peak-normalise to -1 dBFS.' },
      trim: { type: 'boolean', description: 'Cut leading and trailing silence.' },
      file: { type: 'string', format: 'binary', description: 'One or more audio files.' },
    },
  },
};

@ApiTags('sounds')
@Controller('api/sounds')
export class SoundsController {
  constructor(
    private readonly sounds: SoundsService,
    private readonly http: SoundsHttp,
    private readonly responder: FileResponder,
  ) {}

  @Get()
  @ApiEndpoint({
    summary: 'List sounds (filter by name/description, status; paged)',
    response: pageSchema(soundViewSchema),
    errors: [400, 404],
  })
  list(@CurrentPrincipal() principal: Principal, @ValidQuery(soundListQuerySchema) query: SoundListQuery) {
    return this.sounds.list(principal, query);
  }

  @Post()
  @MinRole('operator')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY_DOC)
  @ApiEndpoint({
    summary: 'Upload one or more sounds (multipart); each file gets its own result',
    description:
      'Files are judged by content (sox). A single file answers its own error (413 too large, 415 not audio, 422 too long); a batch answers 201 when every file was accepted, else 207 with each result.',
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

  @Get(':soundId')
  @ApiEndpoint({
    summary: 'Get a sound with its active and latest version',
    response: soundViewSchema,
    errors: [404],
  })
  get(@CurrentPrincipal() principal: Principal, @IdParam('soundId', 'Sound') soundId: string) {
    return this.sounds.get(principal, soundId);
  }

  @Patch(':soundId')
  @MinRole('operator')
  @ApiEndpoint({
    summary: 'Rename or describe a sound (renaming moves its PBX files)',
    response: soundViewSchema,
    errors: [400, 403, 404, 409],
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @IdParam('soundId', 'Sound') soundId: string,
    @ValidBody(updateSoundSchema) body: UpdateSoundInput,
  ) {
    return this.sounds.update(principal, soundId, body);
  }

  @Delete(':soundId')
  @MinRole('operator')
  @ApiEndpoint({
    summary: "Delete a sound, its versions and its PBX files (that sound's only)",
    status: 204,
    errors: [403, 404],
  })
  async delete(@CurrentPrincipal() principal: Principal, @IdParam('soundId', 'Sound') soundId: string) {
    await this.sounds.delete(principal, soundId);
  }

  @Get(':soundId/versions')
  @ApiEndpoint({
    summary: "A sound's versions, newest first",
    response: soundVersionViewSchema.array(),
    errors: [404],
  })
  versions(@CurrentPrincipal() principal: Principal, @IdParam('soundId', 'Sound') soundId: string) {
    return this.sounds.versions(principal, soundId);
  }

  @Post(':soundId/versions/:versionId/activate')
  @MinRole('operator')
  @ApiEndpoint({
    summary: 'Make a ready version the one the PBX plays',
    response: soundViewSchema,
    errors: [403, 404, 409],
  })
  activate(
    @CurrentPrincipal() principal: Principal,
    @IdParam('soundId', 'Sound') soundId: string,
    @IdParam('versionId', 'Sound version') versionId: string,
  ) {
    return this.sounds.activate(principal, soundId, versionId);
  }

  @Get(':soundId/preview')
  @ApiEndpoint({
    summary: 'The active version as 8 kHz 16-bit PCM WAV (browser-playable; Range supported)',
    errors: [404, 409, 416],
  })
  async preview(
    @CurrentPrincipal() principal: Principal,
    @IdParam('soundId', 'Sound') soundId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.sounds.preview(principal, soundId);
    await this.responder.send(request, reply, file.path, 'audio/wav', file.name, 'inline');
  }

  @Get(':soundId/peaks')
  @ApiEndpoint({
    summary: 'Waveform peaks of the active version (up to 1000 points)',
    response: peaksViewSchema,
    errors: [404, 409],
  })
  peaks(@CurrentPrincipal() principal: Principal, @IdParam('soundId', 'Sound') soundId: string) {
    return this.sounds.peaks(principal, soundId);
  }
}
