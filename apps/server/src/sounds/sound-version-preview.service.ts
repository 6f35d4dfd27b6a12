import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/auth/principal.js';
import { conflict, notFound } from '../common/errors/app-error.js';
import { SoundStorage } from './sound-storage.js';
import { SoundsRepository } from './sounds.repository.js';
import { SoundsService } from './sounds.service.js';

/** Any ready version's browser-playable WAV, so an older version can be heard before it is activated. */
@Injectable()
export class SoundVersionPreviewService {
  constructor(
    private readonly sounds: SoundsService,
    private readonly repository: SoundsRepository,
    private readonly storage: SoundStorage,
  ) {}

  /** 404 for a sound the key may not see (another tenant's) or a version of another sound; 409 unless ready. */
  async preview(
    principal: Principal,
    soundId: string,
    versionId: string,
  ): Promise<{ path: string; name: string }> {
    const sound = await this.sounds.get(principal, soundId);
    const version = await this.repository.version(sound.id, versionId);
    if (!version) throw notFound('Sound version');
    if (version.status !== 'ready') {
      throw conflict('sound-version-not-ready', `Version ${version.version} is ${version.status}, not ready`);
    }
    return {
      path: this.storage.archivedPath(version.id, 'wav'),
      name: `${sound.name}-v${version.version}.wav`,
    };
  }
}
