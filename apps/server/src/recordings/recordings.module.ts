import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module.js';
import { FileResponder } from '../sounds/file-responder.js';
import { SoundFileStore } from '../sounds/sound-file-store.js';
import { RecordingCallLookup, SqlRecordingCallLookup } from './recording-call-lookup.js';
import { RecordingsController } from './recordings.controller.js';
import { RecordingsService } from './recordings.service.js';

@Module({
  imports: [TenantsModule],
  controllers: [RecordingsController],
  providers: [
    SoundFileStore,
    FileResponder,
    RecordingsService,
    { provide: RecordingCallLookup, useClass: SqlRecordingCallLookup },
  ],
  exports: [RecordingsService, FileResponder],
})
export class RecordingsModule {}
