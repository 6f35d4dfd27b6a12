import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../common/auth/auth.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { IdParam } from '../common/validation/zod-params.js';
import { FileResponder } from './file-responder.js';
import { SoundVersionPreviewService } from './sound-version-preview.service.js';

@ApiTags('sounds')
@Controller('api/sounds/:soundId/versions/:versionId/preview')
export class SoundVersionPreviewController {
  constructor(
    private readonly previews: SoundVersionPreviewService,
    private readonly responder: FileResponder,
  ) {}

  @Get()
  @ApiEndpoint({
    summary: 'One version as 8 kHz 16-bit PCM WAV, active or not (browser-playable; Range supported)',
    errors: [404, 409, 416],
  })
  async preview(
    @CurrentPrincipal() principal: Principal,
    @IdParam('soundId', 'Sound') soundId: string,
    @IdParam('versionId', 'Sound version') versionId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.previews.preview(principal, soundId, versionId);
    await this.responder.send(request, reply, file.path, 'audio/wav', file.name, 'inline');
  }
}
