import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../common/auth/principal.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { readSoundUpload } from './sound-upload.reader.js';
import { SoundUploadsService } from './sound-uploads.service.js';
import type { UploadQuery } from './sounds.dto.js';
import { SoundsService } from './sounds.service.js';

/** The HTTP side of sounds and recordings shared by the controllers: multipart uploads and file streaming. */
@Injectable()
export class SoundsHttp {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sounds: SoundsService,
    private readonly uploads: SoundUploadsService,
  ) {}

  async upload(principal: Principal, query: UploadQuery, request: FastifyRequest, reply: FastifyReply) {
    const tenant = await this.sounds.targetTenant(principal, query.tenantId);
    const outcomes = await readSoundUpload(request, this.config.maxUploadBytes, (file, fields) =>
      this.uploads.accept(
        { tenantId: tenant.id, tenantSlug: tenant.slug, uploadedBy: principal.keyId },
        file,
        fields,
      ),
    );
    if (outcomes.length === 0) {
      throw new AppError(400, 'validation-failed', 'The request has no file part', {
        issues: [{ path: 'file', message: 'at least one file is required' }],
      });
    }
    const only = outcomes.length === 1 ? outcomes[0] : undefined;
    if (only?.error)
      throw new AppError(only.status, only.error.error, only.error.message, only.error.details);
    if (query.wait) {
      await this.uploads.settled(outcomes.flatMap((o) => (o.value ? [o.value.versionId] : [])));
    }
    const results = [];
    for (const outcome of outcomes) {
      results.push({
        file: outcome.file,
        status: outcome.status,
        ...(outcome.value ? { sound: await this.sounds.get(principal, outcome.value.soundId) } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
      });
    }
    void reply.status(outcomes.every((o) => o.value) ? 201 : 207);
    return { results };
  }
}
