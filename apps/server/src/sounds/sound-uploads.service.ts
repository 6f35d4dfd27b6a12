import type { Readable } from 'node:stream';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppError, unprocessable } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  looksLikeRawGsm,
  RAW_INPUT_TYPES,
  rawDurationSeconds,
  sniffAudioType,
  type InputType,
} from './audio-formats.js';
import { SoundConverter, waveformPeaks, type Conversion } from './sound-converter.js';
import { SoundFileStore } from './sound-file-store.js';
import { sanitiseSoundName, UnsafePathError } from './sound-paths.js';
import { SoundStorage } from './sound-storage.js';
import { SoundsRepository } from './sounds.repository.js';
import type { UploadFields } from './sounds.dto.js';
import { SoxError, SoxRunner } from './sox-runner.js';

/** One file part of a multipart upload, read as it arrives. */
export interface IncomingSoundFile {
  filename: string;
  stream: Readable;
  /** True once the part was cut at the size limit. */
  truncated(): boolean;
}

export interface UploadTarget {
  tenantId: string;
  tenantSlug: string;
  uploadedBy: string | null;
}

const HEAD_BYTES = 33 * 64;

export const PEAK_POINTS = 1000;

/** Longer than any conversion runs (six sox processes, each stopped at its timeout). */
const STALE_AFTER_MS = 15 * 60 * 1000;

const unsupported = (reason: string, details?: unknown) =>
  new AppError(415, 'unsupported-media-type', reason, details);

/** The input type judged from the file's first bytes; raw types only when the uploader names them. */
export function judgeAudioType(head: Buffer, size: number, declared: InputType | undefined): InputType {
  const sniffed = sniffAudioType(head);
  if (sniffed) return sniffed;
  if (declared === undefined || !RAW_INPUT_TYPES.has(declared)) {
    throw unsupported(
      'Not a recognised audio file: no WAV, MP3, OGG or FLAC header. Raw GSM, u-law or a-law need the `type` field.',
      { reason: 'unknown-format' },
    );
  }
  if (declared === 'gsm' && !looksLikeRawGsm(head, size)) {
    throw unsupported('Not raw GSM: the data is not a run of 33-byte GSM frames', { reason: 'not-gsm' });
  }
  if (size === 0) throw unsupported('The file is empty', { reason: 'empty' });
  return declared;
}

/**
 * Takes uploads: streams each to disk under a generated name, judges it by content (header sniff, then a sox
 * probe), records a new version of the sound, and converts it in the background (status processing -> ready
 * or failed). The ready version becomes active: its files replace the PBX's atomically.
 */
@Injectable()
export class SoundUploadsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SoundUploads');
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sounds: SoundsRepository,
    private readonly storage: SoundStorage,
    private readonly files: SoundFileStore,
    private readonly sox: SoxRunner,
    private readonly converter: SoundConverter,
    private readonly clock: Clock,
  ) {}

  /**
   * After a crash or kill: versions left `processing` for longer than any conversion can take are marked
   * failed (so no sound says "processing" forever), and the temp folders they left in the sounds folder go.
   */
  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - STALE_AFTER_MS);
    const failed = await this.sounds.failStale(
      before,
      'the conversion was interrupted (server restart)',
      now,
    );
    const removed = await this.storage.removeStaleTemp(before).catch(() => 0);
    if (failed + removed > 0) {
      this.logger.warn(
        `marked ${failed} interrupted conversion(s) failed; removed ${removed} stale temp folder(s)`,
      );
    }
  }

  /** Accepts one file; answers the sound and version ids, or throws the AppError this file earns. */
  async accept(
    target: UploadTarget,
    file: IncomingSoundFile,
    fields: UploadFields,
  ): Promise<{ soundId: string; versionId: string }> {
    const saved = await this.storage.saveOriginal(file.stream);
    let keep = false;
    try {
      if (file.truncated()) {
        throw new AppError(
          413,
          'payload-too-large',
          `The file is larger than ${Math.round(this.config.maxUploadBytes / 1024 / 1024)} MB`,
          { limitBytes: this.config.maxUploadBytes },
        );
      }
      const name = this.nameFor(fields.name ?? file.filename);
      const head = await this.files.readHead(saved.path, HEAD_BYTES);
      const type = judgeAudioType(head, saved.size, fields.type);
      const probe = await this.sox.probe(saved.path, type).catch((err: unknown) => {
        if (err instanceof SoxError)
          throw unsupported(`sox can not read this file: ${err.reason}`, { reason: 'sox' });
        throw err;
      });
      const seconds = probe.durationSeconds ?? rawDurationSeconds(type, saved.size) ?? 0;
      if (seconds > this.config.maxSoundSeconds) {
        throw unprocessable(
          'audio-too-long',
          `The sound lasts ${Math.round(seconds)} s; the limit is ${this.config.maxSoundSeconds} s`,
          { durationSeconds: seconds, limitSeconds: this.config.maxSoundSeconds },
        );
      }
      const { sound, version } = await this.sounds.addVersion(
        target.tenantId,
        name,
        fields.description ?? null,
        {
          originalName: file.filename.slice(0, 255),
          originalFile: saved.file,
          originalFormat: type,
          originalEncoding: probe.encoding,
          durationMs: Math.round(seconds * 1000),
          sampleRate: probe.sampleRate,
          channels: probe.channels,
          sizeBytes: saved.size,
          sha256: saved.sha256,
          normalise: fields.normalize ?? fields.normalise,
          trimSilence: fields.trim,
          uploadedBy: target.uploadedBy,
        },
      );
      keep = true;
      const job = this.convert(target.tenantSlug, sound.id, sound.name, version.id, saved.path, type, {
        normalise: version.normalise,
        trim: version.trim_silence,
      });
      this.inflight.set(version.id, job);
      void job.finally(() => this.inflight.delete(version.id));
      return { soundId: sound.id, versionId: version.id };
    } finally {
      if (!keep) await this.storage.removeOriginal(saved.file);
    }
  }

  /** Resolves when the given versions are no longer processing. */
  async settled(versionIds: string[]): Promise<void> {
    await Promise.all(versionIds.map((id) => this.inflight.get(id) ?? Promise.resolve()));
  }

  /** Resolves when every conversion in flight is done. */
  async idle(): Promise<void> {
    await Promise.all([...this.inflight.values()]);
  }

  /** A conversion under way finishes (and records its status) before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  private nameFor(raw: string): string {
    try {
      return sanitiseSoundName(raw);
    } catch (err) {
      if (err instanceof UnsafePathError) {
        throw new AppError(400, 'validation-failed', err.message, {
          issues: [{ path: 'name', message: err.message }],
        });
      }
      throw err;
    }
  }

  private async convert(
    tenantSlug: string,
    soundId: string,
    name: string,
    versionId: string,
    original: string,
    type: InputType,
    options: { normalise: boolean; trim: boolean },
  ): Promise<void> {
    let conversion: Conversion | undefined;
    try {
      conversion = await this.converter.convert(this.storage.soundsRoot, original, type, options);
      await this.storage.archive(versionId, conversion);
      const peaks = waveformPeaks(await this.storage.readArchived(versionId, 'sln16'), PEAK_POINTS);
      const ready = conversion;
      conversion = undefined;
      await this.storage.publishConversion(tenantSlug, name, ready);
      await this.sounds.markReady(
        versionId,
        ready.files.map((f) => ({ format: f.format, extension: f.extension, size: f.size })),
        peaks,
      );
      await this.sounds.setActive(soundId, versionId);
    } catch (err) {
      const reason = err instanceof SoxError ? err.reason : err instanceof Error ? err.message : String(err);
      this.logger.warn(`conversion of sound ${soundId} version ${versionId} failed: ${reason}`);
      if (conversion)
        await this.files.removeDir(this.storage.soundsRoot, conversion.tempDir).catch(() => undefined);
      await this.storage.removeArchive(versionId).catch(() => undefined);
      await this.sounds.markFailed(versionId, reason).catch(() => undefined);
    }
  }
}
