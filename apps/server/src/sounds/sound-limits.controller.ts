import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiEndpoint } from '../common/validation/api-endpoint.decorator.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { soundLimitsViewSchema, toSoundLimitsView, type SoundLimitsView } from './sound-limits.dto.js';

/** The upload limits, so a client can refuse a file before sending it and tell the user why. */
@ApiTags('sounds')
@Controller('api/sounds/limits')
export class SoundLimitsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiEndpoint({
    summary: 'Upload limits: largest file, longest sound, files per upload, accepted formats (any role)',
    response: soundLimitsViewSchema,
  })
  limits(): SoundLimitsView {
    return toSoundLimitsView(this.config);
  }
}
