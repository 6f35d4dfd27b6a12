import { Module } from '@nestjs/common';
import { FileResponder } from './file-responder.js';
import { SoundFileStore } from './sound-file-store.js';
import { ExecSoxRunner, SoxRunner } from './sox-runner.js';

/** The file-system and sox adapters, one instance each, shared by sounds and recordings. */
@Module({
  providers: [SoundFileStore, FileResponder, { provide: SoxRunner, useFactory: () => new ExecSoxRunner() }],
  exports: [SoundFileStore, FileResponder, SoxRunner],
})
export class SoundIoModule {}
