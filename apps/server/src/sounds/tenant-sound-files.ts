import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { TenantLifecycle } from '../tenants/tenant-lifecycle.js';
import { SoundStorage } from './sound-storage.js';
import { SoundsRepository } from './sounds.repository.js';

/**
 * A tenant's sound files follow the tenant: its PBX folder (`custom/<slug>/`, what the dialplan plays) is
 * renamed with its slug, so `playback` and the files agree; when the tenant is deleted its PBX folder, version
 * archives and originals go too.
 */
@Injectable()
export class TenantSoundFiles implements OnModuleInit {
  private readonly logger = new Logger('Sounds');

  constructor(
    private readonly lifecycle: TenantLifecycle,
    private readonly storage: SoundStorage,
    private readonly sounds: SoundsRepository,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onSlugChange(({ from, to }) => this.storage.moveTenantFolder(from, to));
    this.lifecycle.onDelete(async ({ id, slug }) => {
      const versions = await this.sounds.tenantVersionFiles(id);
      // After the rows are gone: a failure leaves files no API reaches, so it is logged, not answered.
      return () =>
        this.storage
          .removeTenantFiles(slug, versions)
          .catch((err: Error) =>
            this.logger.error(`files of deleted tenant ${slug} not all removed: ${err.message}`),
          );
    });
  }
}
