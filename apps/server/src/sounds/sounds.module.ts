import os from 'node:os';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { TenantsModule } from '../tenants/tenants.module.js';
import { AsteriskSoundsController } from './asterisk-sounds.controller.js';
import { SoundConverter } from './sound-converter.js';
import { SoundFileStore } from './sound-file-store.js';
import { SoundStorage } from './sound-storage.js';
import { SoundUploadsService } from './sound-uploads.service.js';
import { SoundsController } from './sounds.controller.js';
import { SoundLimitsController } from './sound-limits.controller.js';
import { SoundVersionPreviewController } from './sound-version-preview.controller.js';
import { SoundVersionPreviewService } from './sound-version-preview.service.js';
import { SoundReloadService } from './sound-reload.service.js';
import { SoundsHttp } from './sounds.http.js';
import { SoundsRepository } from './sounds.repository.js';
import { SoundsService } from './sounds.service.js';
import { SoundIoModule } from './sound-io.module.js';
import { SoxRunner } from './sox-runner.js';
import { TenantSoundFiles } from './tenant-sound-files.js';
import { RecordingsModule } from '../recordings/recordings.module.js';

@Module({
  imports: [TenantsModule, SoundIoModule, RecordingsModule],
  controllers: [
    SoundLimitsController,
    SoundsController,
    SoundVersionPreviewController,
    AsteriskSoundsController,
  ],
  providers: [
    SoundsRepository,
    SoundStorage,
    TenantSoundFiles,
    {
      provide: SoundConverter,
      useFactory: (sox: SoxRunner, files: SoundFileStore) =>
        new SoundConverter(sox, files, os.availableParallelism()),
      inject: [SoxRunner, SoundFileStore],
    },
    SoundsService,
    SoundUploadsService,
    SoundsHttp,
    SoundReloadService,
    SoundVersionPreviewService,
  ],
  exports: [SoundsService],
})
export class SoundsModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /** Multipart parsing for uploads; registered here so the app factory needs no sound-specific setup. */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    // Queued, not awaited: avvio loads it at fastify.ready(), after Nest has set its error handler; awaiting
    // here would boot the plugin queue early and leave Fastify's default error answers in place.
    // Each file's size is judged on its own (a per-file 413 in a batch), so the limit must not abort the request.
    void fastify.register(multipart, { throwFileSizeLimit: false });
  }
}
