import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module.js';
import { SoundIoModule } from '../sounds/sound-io.module.js';
import { RecordingCallLookup, SqlRecordingCallLookup } from './recording-call-lookup.js';
import { RecordingsController } from './recordings.controller.js';
import { RecordingsService } from './recordings.service.js';

@Module({
  imports: [TenantsModule, SoundIoModule],
  controllers: [RecordingsController],
  providers: [RecordingsService, { provide: RecordingCallLookup, useClass: SqlRecordingCallLookup }],
  exports: [RecordingsService],
})
export class RecordingsModule {}
