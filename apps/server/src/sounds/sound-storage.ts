import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { conflict } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { OUTPUT_FORMATS, OUTPUT_SPECS } from './audio-formats.js';
import type { Conversion } from './sound-converter.js';
import { SoundFileStore, type SavedFile } from './sound-file-store.js';

/**
 * Where sound files live. The PBX folder (ASTERISK_SOUNDS_DIR) holds exactly the active version of each sound,
 * as `<tenant slug>/<name>.<ext>`; UPLOAD_SOUNDS_DIR holds originals (`originals/<uuid>`) and every version's
 * converted files (`versions/<version id>/sound.<ext>`), so an older version can be made active again.
 */
@Injectable()
export class SoundStorage {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly files: SoundFileStore,
  ) {}

  get soundsRoot(): string {
    return this.config.asteriskSoundsDir;
  }

  /** Streams an upload to `originals/<uuid>`; the uploader's name is never used on disk. */
  async saveOriginal(source: Readable): Promise<SavedFile & { file: string }> {
    const dir = await this.files.ensureDir(this.config.uploadSoundsDir, 'originals');
    const file = randomUUID();
    return { ...(await this.files.save(source, dir, file)), file };
  }

  originalPath(file: string): string {
    return path.join(this.config.uploadSoundsDir, 'originals', file);
  }

  async removeOriginal(file: string): Promise<void> {
    await this.files.remove(this.config.uploadSoundsDir, 'originals', file);
  }

  /** Keeps a copy of every converted format under the version's id. */
  async archive(versionId: string, conversion: Conversion): Promise<void> {
    const dir = await this.files.ensureDir(this.config.uploadSoundsDir, 'versions', versionId);
    for (const file of conversion.files) {
      await this.files.copy(file.path, path.join(dir, `sound.${file.extension}`));
    }
  }

  archivedPath(versionId: string, extension: string): string {
    return path.join(this.config.uploadSoundsDir, 'versions', versionId, `sound.${extension}`);
  }

  async removeArchive(versionId: string): Promise<void> {
    await this.files.removeDir(
      this.config.uploadSoundsDir,
      path.join(this.config.uploadSoundsDir, 'versions', versionId),
    );
  }

  /**
   * A tenant's PBX folder follows its new slug (one rename: Asterisk finds every sound at its new path at
   * once). A folder under the new slug that already holds files is refused with `sound-folder-taken`.
   */
  async moveTenantFolder(from: string, to: string): Promise<void> {
    try {
      await this.files.renameDir(this.soundsRoot, from, to);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') {
        throw conflict(
          'sound-folder-taken',
          `The PBX sounds folder already has files under "${to}" (ASTERISK_SOUNDS_DIR/${to}); move or remove them first`,
        );
      }
      throw err;
    }
  }

  /** Removes a deleted tenant's PBX folder and what is kept of its sounds' versions and originals. */
  async removeTenantFiles(
    slug: string,
    versions: Array<{ id: string; originalFile: string }>,
  ): Promise<void> {
    await this.files.removeDir(this.soundsRoot, path.join(this.soundsRoot, slug));
    for (const version of versions) {
      await this.removeArchive(version.id);
      await this.removeOriginal(version.originalFile);
    }
  }

  /** Moves a fresh conversion into the PBX folder (rename per file) and drops its temp folder. */
  async publishConversion(tenantSlug: string, name: string, conversion: Conversion): Promise<void> {
    try {
      await this.files.publish(
        this.soundsRoot,
        tenantSlug,
        conversion.files.map((file) => ({ from: file.path, name: `${name}.${file.extension}` })),
      );
    } finally {
      await this.files.removeDir(this.soundsRoot, conversion.tempDir);
    }
  }

  /** Puts an archived version in the PBX folder: copied into a temp folder there, then renamed into place. */
  async publishArchived(tenantSlug: string, name: string, versionId: string): Promise<void> {
    const temp = await this.files.tempDir(this.soundsRoot);
    try {
      const moves = [];
      for (const format of OUTPUT_FORMATS) {
        const { extension } = OUTPUT_SPECS[format];
        const staged = path.join(temp, `sound.${extension}`);
        await this.files.copy(this.archivedPath(versionId, extension), staged);
        moves.push({ from: staged, name: `${name}.${extension}` });
      }
      await this.files.publish(this.soundsRoot, tenantSlug, moves);
    } finally {
      await this.files.removeDir(this.soundsRoot, temp);
    }
  }

  /** Removes the PBX files of one sound (every format), nothing else. */
  async unpublish(tenantSlug: string, name: string): Promise<void> {
    for (const format of OUTPUT_FORMATS) {
      await this.files.remove(this.soundsRoot, tenantSlug, `${name}.${OUTPUT_SPECS[format].extension}`);
    }
  }

  /** Removes temp folders a crash left in the sounds folder (older than `before`, so none still in use). */
  async removeStaleTemp(before: Date): Promise<number> {
    let removed = 0;
    for (const folder of await this.files.folders(this.soundsRoot)) {
      if (folder.name.startsWith('.tmp-') && folder.modifiedAt < before) {
        await this.files.removeDir(this.soundsRoot, folder.path);
        removed++;
      }
    }
    return removed;
  }

  readArchived(versionId: string, extension: string): Promise<Buffer> {
    return this.files.readFile(this.archivedPath(versionId, extension));
  }
}
