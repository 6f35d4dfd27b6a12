import { Injectable } from '@nestjs/common';
import { AccessService } from '../common/auth/access.service.js';
import type { Principal } from '../common/auth/principal.js';
import { AppError, conflict, notFound, validationFailed } from '../common/errors/app-error.js';
import { Clock } from '../common/clock.js';
import { toPage, type Page } from '../common/validation/pagination.js';
import { sanitiseSoundName, UnsafePathError } from './sound-paths.js';
import { SoundStorage } from './sound-storage.js';
import { SoundsRepository } from './sounds.repository.js';
import {
  toSoundView,
  toVersionView,
  type SoundListQuery,
  type SoundVersionView,
  type SoundView,
  type UpdateSoundInput,
} from './sounds.dto.js';
import type { SoundRow, SoundVersionRow } from './sounds.tables.js';

/** The sound library: tenant-scoped reads and changes of sounds and their versions. */
@Injectable()
export class SoundsService {
  constructor(
    private readonly sounds: SoundsRepository,
    private readonly storage: SoundStorage,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** The tenant a write acts on: the one named (checked), else the key's own. */
  async targetTenant(
    principal: Principal,
    tenantId: string | undefined,
  ): Promise<{ id: string; slug: string }> {
    let id: string;
    if (tenantId !== undefined) id = await this.access.tenantScope(principal, tenantId);
    else if (principal.tenantId !== null) id = principal.tenantId;
    else
      throw validationFailed('tenantId is required with a key that has no tenant', {
        issues: [{ path: 'tenantId', message: 'required' }],
      });
    const slug = await this.sounds.tenantSlug(id);
    if (slug === undefined) throw notFound('Tenant');
    return { id, slug };
  }

  async list(principal: Principal, query: SoundListQuery): Promise<Page<SoundView>> {
    const tenantId =
      query.tenantId !== undefined
        ? await this.access.tenantScope(principal, query.tenantId)
        : (principal.tenantId ?? undefined);
    const rows = await this.sounds.list(
      { tenantId, search: query.search, status: query.status },
      query.limit,
      query.cursor,
    );
    const shown = rows.slice(0, query.limit);
    const views = await this.views(shown);
    return toPage(rows, query.limit, (row) => views.get(row.id)!);
  }

  async get(principal: Principal, soundId: string): Promise<SoundView> {
    const sound = await this.load(principal, soundId);
    return (await this.views([sound])).get(sound.id)!;
  }

  async versions(principal: Principal, soundId: string): Promise<SoundVersionView[]> {
    const sound = await this.load(principal, soundId);
    const rows = await this.sounds.versions([sound.id]);
    return rows.map((row) => toVersionView(row, sound.active_version_id));
  }

  async update(principal: Principal, soundId: string, input: UpdateSoundInput): Promise<SoundView> {
    const sound = await this.load(principal, soundId);
    const name = input.name === undefined ? undefined : this.sanitise(input.name);
    if (name !== undefined && name !== sound.name) {
      if (await this.sounds.findByName(sound.tenant_id, name)) {
        throw conflict('sound-exists', `The tenant already has a sound named "${name}"`);
      }
    }
    const updated = await this.sounds
      .update(sound.id, {
        ...(name !== undefined ? { name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      })
      .catch((err: unknown) => {
        if ((err as { code?: string }).code === '23505')
          throw conflict('sound-exists', `The tenant already has a sound named "${name}"`);
        throw err;
      });
    if (name !== undefined && name !== sound.name && sound.active_version_id) {
      const slug = await this.slugOf(sound.tenant_id);
      await this.storage.publishArchived(slug, name, sound.active_version_id);
      await this.storage.unpublish(slug, sound.name);
    }
    return (await this.views([updated])).get(updated.id)!;
  }

  async activate(principal: Principal, soundId: string, versionId: string): Promise<SoundView> {
    const sound = await this.load(principal, soundId);
    const version = await this.sounds.version(sound.id, versionId);
    if (!version) throw notFound('Sound version');
    if (version.status !== 'ready') {
      throw conflict('sound-version-not-ready', `Version ${version.version} is ${version.status}, not ready`);
    }
    await this.storage.publishArchived(await this.slugOf(sound.tenant_id), sound.name, version.id);
    await this.sounds.setActive(sound.id, version.id);
    return this.get(principal, sound.id);
  }

  /** Deletes the sound's rows, its PBX files and its stored versions; nothing of any other sound. */
  async delete(principal: Principal, soundId: string): Promise<void> {
    const sound = await this.load(principal, soundId);
    const versions = await this.sounds.versions([sound.id]);
    await this.storage.unpublish(await this.slugOf(sound.tenant_id), sound.name);
    await this.sounds.delete(sound.id);
    for (const version of versions) {
      await this.storage.removeArchive(version.id);
      await this.storage.removeOriginal(version.original_file);
    }
  }

  /** The active version's 8 kHz PCM WAV (browser-playable). */
  async preview(principal: Principal, soundId: string): Promise<{ path: string; name: string }> {
    const { sound, version } = await this.activeVersion(principal, soundId);
    return { path: this.storage.archivedPath(version.id, 'wav'), name: `${sound.name}.wav` };
  }

  async peaks(principal: Principal, soundId: string) {
    const { version } = await this.activeVersion(principal, soundId);
    return { versionId: version.id, durationMs: version.duration_ms, peaks: version.peaks ?? [] };
  }

  /** A call played `custom/<slug>/<name>`: counts a use. For the call tracker and journeys to call. */
  async recordUse(tenantId: string, name: string): Promise<boolean> {
    return this.sounds.recordUse(tenantId, name, this.clock.now());
  }

  private async activeVersion(
    principal: Principal,
    soundId: string,
  ): Promise<{ sound: SoundRow; version: SoundVersionRow }> {
    const sound = await this.load(principal, soundId);
    const version = sound.active_version_id
      ? await this.sounds.version(sound.id, sound.active_version_id)
      : undefined;
    if (!version) throw conflict('sound-not-ready', 'The sound has no ready version yet');
    return { sound, version };
  }

  /** The sound, if the key may see its tenant; otherwise 404 exactly like a missing one. */
  private async load(principal: Principal, soundId: string): Promise<SoundRow> {
    const sound = await this.sounds.find(soundId);
    if (!sound) throw notFound('Sound');
    try {
      await this.access.tenantScope(principal, sound.tenant_id);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw notFound('Sound');
      throw err;
    }
    return sound;
  }

  private async slugOf(tenantId: string): Promise<string> {
    const slug = await this.sounds.tenantSlug(tenantId);
    if (slug === undefined) throw notFound('Tenant');
    return slug;
  }

  private sanitise(raw: string): string {
    try {
      return sanitiseSoundName(raw);
    } catch (err) {
      if (err instanceof UnsafePathError)
        throw validationFailed(err.message, { issues: [{ path: 'name', message: err.message }] });
      throw err;
    }
  }

  private async views(sounds: SoundRow[]): Promise<Map<string, SoundView>> {
    const versions = await this.sounds.versions(sounds.map((s) => s.id));
    const slugs = new Map<string, string>();
    const out = new Map<string, SoundView>();
    for (const sound of sounds) {
      if (!slugs.has(sound.tenant_id)) slugs.set(sound.tenant_id, await this.slugOf(sound.tenant_id));
      const own = versions.filter((v) => v.sound_id === sound.id);
      out.set(sound.id, toSoundView(sound, slugs.get(sound.tenant_id)!, own));
    }
    return out;
  }
}
