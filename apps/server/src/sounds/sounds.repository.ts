import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { afterCursor } from '../common/validation/pagination.js';
import { DatabaseHandle } from '../db/database.js';
import type {
  SoundFormatFile,
  SoundRow,
  SoundStatus,
  SoundTables,
  SoundVersionRow,
} from './sounds.tables.js';

export interface NewSoundVersion {
  originalName: string;
  originalFile: string;
  originalFormat: string;
  originalEncoding: string;
  durationMs: number;
  sampleRate: number;
  channels: number;
  sizeBytes: number;
  sha256: string;
  normalise: boolean;
  trimSilence: boolean;
  uploadedBy: string | null;
}

export interface SoundListFilter {
  /** Undefined: every tenant (admin keys only). */
  tenantId: string | undefined;
  /** Substring of the name or description. */
  search: string | undefined;
  status: SoundStatus | undefined;
}

/** A sound with its active version (if any) and the tenant slug its files live under. */
export interface SoundWithVersion {
  sound: SoundRow;
  tenantSlug: string;
  active: SoundVersionRow | undefined;
  latest: SoundVersionRow | undefined;
}

@Injectable()
export class SoundsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  private get db() {
    return this.database.db.withTables<SoundTables>();
  }

  async tenantSlug(tenantId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('tenants')
      .select('slug')
      .where('id', '=', tenantId)
      .executeTakeFirst();
    return row?.slug;
  }

  async list(filter: SoundListFilter, limit: number, cursor: string | undefined): Promise<SoundRow[]> {
    let query = this.db.selectFrom('sounds').selectAll('sounds').where(afterCursor(cursor));
    if (filter.tenantId !== undefined) query = query.where('tenant_id', '=', filter.tenantId);
    if (filter.search !== undefined) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('description', 'ilike', pattern)]));
    }
    if (filter.status !== undefined) {
      const status = filter.status;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('sound_versions as v')
            .select('v.id')
            .whereRef('v.sound_id', '=', 'sounds.id')
            .where('v.status', '=', status)
            .where(
              'v.version',
              '=',
              eb
                .selectFrom('sound_versions as m')
                .select((m) => m.fn.max('m.version').as('max'))
                .whereRef('m.sound_id', '=', 'sounds.id'),
            ),
        ),
      );
    }
    return query
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  }

  async find(id: string): Promise<SoundRow | undefined> {
    return this.db.selectFrom('sounds').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByName(tenantId: string, name: string): Promise<SoundRow | undefined> {
    return this.db
      .selectFrom('sounds')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  async versions(soundIds: string[]): Promise<SoundVersionRow[]> {
    if (soundIds.length === 0) return [];
    return this.db
      .selectFrom('sound_versions')
      .selectAll()
      .where('sound_id', 'in', soundIds)
      .orderBy('sound_id')
      .orderBy('version', 'desc')
      .execute();
  }

  /** Every version of every sound of the tenant: what is kept on disk for it (archives and originals). */
  async tenantVersionFiles(tenantId: string): Promise<Array<{ id: string; originalFile: string }>> {
    return this.db
      .selectFrom('sound_versions')
      .innerJoin('sounds', 'sounds.id', 'sound_versions.sound_id')
      .select(['sound_versions.id as id', 'sound_versions.original_file as originalFile'])
      .where('sounds.tenant_id', '=', tenantId)
      .execute();
  }

  async version(soundId: string, versionId: string): Promise<SoundVersionRow | undefined> {
    return this.db
      .selectFrom('sound_versions')
      .selectAll()
      .where('sound_id', '=', soundId)
      .where('id', '=', versionId)
      .executeTakeFirst();
  }

  /**
   * Adds a version to the sound `name` of the tenant, creating the sound on its first upload. The sound row
   * is locked so concurrent uploads of one name get distinct version numbers.
   */
  async addVersion(
    tenantId: string,
    name: string,
    description: string | null,
    version: NewSoundVersion,
  ): Promise<{ sound: SoundRow; version: SoundVersionRow }> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sounds')
        .values({ tenant_id: tenantId, name, description })
        .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
        .execute();
      const sound = await trx
        .selectFrom('sounds')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('name', '=', name)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const { max } = await trx
        .selectFrom('sound_versions')
        .select((eb) => eb.fn.max('version').as('max'))
        .where('sound_id', '=', sound.id)
        .executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('sound_versions')
        .values({
          sound_id: sound.id,
          version: (max ?? 0) + 1,
          status: 'processing',
          error: null,
          original_name: version.originalName,
          original_file: version.originalFile,
          original_format: version.originalFormat,
          original_encoding: version.originalEncoding,
          duration_ms: version.durationMs,
          sample_rate: version.sampleRate,
          channels: version.channels,
          size_bytes: version.sizeBytes,
          sha256: version.sha256,
          formats: '[]',
          peaks: null,
          normalise: version.normalise,
          trim_silence: version.trimSilence,
          uploaded_by: version.uploadedBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (description !== null && sound.description !== description) {
        await trx
          .updateTable('sounds')
          .set({ description, updated_at: new Date() })
          .where('id', '=', sound.id)
          .execute();
      }
      return { sound, version: row };
    });
  }

  async markReady(versionId: string, formats: SoundFormatFile[], peaks: number[]): Promise<void> {
    await this.db
      .updateTable('sound_versions')
      .set({
        status: 'ready',
        formats: JSON.stringify(formats),
        peaks: JSON.stringify(peaks),
        updated_at: new Date(),
      })
      .where('id', '=', versionId)
      .execute();
  }

  async markFailed(versionId: string, error: string): Promise<void> {
    await this.db
      .updateTable('sound_versions')
      .set({ status: 'failed', error, updated_at: new Date() })
      .where('id', '=', versionId)
      .execute();
  }

  async setActive(soundId: string, versionId: string | null): Promise<void> {
    await this.db
      .updateTable('sounds')
      .set({ active_version_id: versionId, updated_at: new Date() })
      .where('id', '=', soundId)
      .execute();
  }

  async update(soundId: string, changes: { name?: string; description?: string | null }): Promise<SoundRow> {
    return this.db
      .updateTable('sounds')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', soundId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async delete(soundId: string): Promise<void> {
    await this.db.deleteFrom('sounds').where('id', '=', soundId).execute();
  }

  /** Marks versions still `processing` since before `before` as failed (a restart cut their conversion). */
  async failStale(before: Date, error: string, at: Date): Promise<number> {
    const result = await this.db
      .updateTable('sound_versions')
      .set({ status: 'failed', error, updated_at: at })
      .where('status', '=', 'processing')
      .where('updated_at', '<', before)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Counts a play of the sound (a call that played it). */
  async recordUse(tenantId: string, name: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('sounds')
      .set({ usage_count: sql`usage_count + 1`, last_used_at: at })
      .where('tenant_id', '=', tenantId)
      .where('name', '=', name)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
