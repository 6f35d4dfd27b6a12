import { sql, type Kysely } from 'kysely';

const NOW_MS = sql`date_trunc('milliseconds', now())`;

/** The sound library: one row per (tenant, name), one per uploaded version of it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sounds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name text NOT NULL,
    description text,
    active_version_id uuid,
    usage_count integer NOT NULL DEFAULT 0,
    last_used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT ${NOW_MS},
    updated_at timestamptz NOT NULL DEFAULT ${NOW_MS},
    UNIQUE (tenant_id, name)
  )`.execute(db);
  await sql`CREATE INDEX sounds_tenant_idx ON sounds (tenant_id, created_at, id)`.execute(db);

  await sql`CREATE TABLE sound_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    sound_id uuid NOT NULL REFERENCES sounds(id) ON DELETE CASCADE,
    version integer NOT NULL,
    status text NOT NULL CHECK (status IN ('processing', 'ready', 'failed')),
    error text,
    original_name text NOT NULL,
    original_file text NOT NULL,
    original_format text NOT NULL,
    original_encoding text NOT NULL,
    duration_ms integer NOT NULL,
    sample_rate integer NOT NULL,
    channels integer NOT NULL,
    size_bytes integer NOT NULL,
    sha256 text NOT NULL,
    formats jsonb NOT NULL DEFAULT '[]',
    peaks jsonb,
    normalise boolean NOT NULL,
    trim_silence boolean NOT NULL,
    uploaded_by uuid,
    created_at timestamptz NOT NULL DEFAULT ${NOW_MS},
    updated_at timestamptz NOT NULL DEFAULT ${NOW_MS},
    UNIQUE (sound_id, version)
  )`.execute(db);
  await sql`ALTER TABLE sounds ADD CONSTRAINT sounds_active_version_fk
    FOREIGN KEY (active_version_id) REFERENCES sound_versions(id) ON DELETE SET NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sounds DROP CONSTRAINT IF EXISTS sounds_active_version_fk`.execute(db);
  await sql`DROP TABLE IF EXISTS sound_versions`.execute(db);
  await sql`DROP TABLE IF EXISTS sounds`.execute(db);
}
