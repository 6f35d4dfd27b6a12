import { sql, type Kysely } from 'kysely';

// Millisecond precision, so a (created_at, id) pagination cursor built from a JS Date matches the row exactly.
const NOW_MS = sql`date_trunc('milliseconds', now())`;
const timestamps = sql`created_at timestamptz NOT NULL DEFAULT ${NOW_MS}, updated_at timestamptz NOT NULL DEFAULT ${NOW_MS}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    slug text NOT NULL UNIQUE,
    default_country char(2) NOT NULL,
    caller_name text,
    max_concurrent_calls integer CHECK (max_concurrent_calls > 0),
    calls_per_second double precision CHECK (calls_per_second > 0),
    originate_channel_template text NOT NULL,
    answer_destination jsonb,
    did_rotation text NOT NULL,
    did_rr_position integer NOT NULL DEFAULT 0,
    enabled boolean NOT NULL,
    ${timestamps}
  )`.execute(db);

  await sql`CREATE TABLE api_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
    prefix text NOT NULL,
    key_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT ${NOW_MS},
    last_used_at timestamptz,
    revoked_at timestamptz
  )`.execute(db);
  await sql`CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, created_at, id)`.execute(db);

  await sql`CREATE TABLE dids (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    number text NOT NULL,
    label text,
    enabled boolean NOT NULL,
    daily_cap integer CHECK (daily_cap >= 0),
    usage_day text,
    uses_today integer NOT NULL DEFAULT 0,
    total_uses integer NOT NULL DEFAULT 0,
    last_used_at timestamptz,
    position integer GENERATED ALWAYS AS IDENTITY,
    ${timestamps},
    UNIQUE (tenant_id, number)
  )`.execute(db);
  await sql`CREATE INDEX dids_tenant_idx ON dids (tenant_id, created_at, id)`.execute(db);

  await sql`CREATE TABLE transfer_numbers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    number text NOT NULL,
    label text,
    weight integer NOT NULL CHECK (weight >= 0),
    enabled boolean NOT NULL,
    concurrent_cap integer CHECK (concurrent_cap >= 0),
    active_calls integer NOT NULL DEFAULT 0 CHECK (active_calls >= 0),
    total_uses integer NOT NULL DEFAULT 0,
    last_used_at timestamptz,
    ${timestamps},
    UNIQUE (tenant_id, number)
  )`.execute(db);
  await sql`CREATE INDEX transfer_numbers_tenant_idx ON transfer_numbers (tenant_id, created_at, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['transfer_numbers', 'dids', 'api_keys', 'tenants']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
