import { sql, type Kysely } from 'kysely';

const NOW_MS = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE calls (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    status text NOT NULL,
    to_number text NOT NULL,
    from_number text,
    did_id uuid,
    caller_name text,
    answer jsonb NOT NULL,
    transfer_number_id uuid,
    transfer_number text,
    sound text,
    record boolean NOT NULL DEFAULT false,
    recording_file text,
    timeout_seconds integer NOT NULL,
    variables jsonb NOT NULL,
    metadata jsonb,
    pbx text,
    action_id text NOT NULL,
    channel_id text NOT NULL UNIQUE,
    other_channel_id text NOT NULL,
    channel text,
    other_channel text,
    dialed_channel text,
    uniqueid text,
    linkedid text,
    scheduled_at timestamptz NOT NULL,
    originated_at timestamptz,
    ringing_at timestamptz,
    answered_at timestamptz,
    ended_at timestamptz,
    ring_seconds double precision,
    talk_seconds double precision,
    hangup_cause integer,
    hangup_cause_text text,
    originate_response text,
    originate_reason integer,
    dial_status text,
    cdr_disposition text,
    cdr_billsec integer,
    end_reason text,
    idempotency_key text,
    request_hash text,
    created_at timestamptz NOT NULL DEFAULT ${NOW_MS},
    updated_at timestamptz NOT NULL DEFAULT ${NOW_MS},
    UNIQUE (tenant_id, idempotency_key)
  )`.execute(db);
  // Call logs, newest first (keyset on created_at, id), optionally by status or number.
  await sql`CREATE INDEX calls_tenant_created_idx ON calls (tenant_id, created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX calls_tenant_status_idx ON calls (tenant_id, status, created_at DESC, id DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX calls_tenant_to_idx ON calls (tenant_id, to_number, created_at DESC)`.execute(db);
  // Calls still in progress: limits, the pacing queue, resync and the watchdog.
  await sql`CREATE INDEX calls_live_idx ON calls (tenant_id, scheduled_at)
    WHERE status IN ('queued', 'dialing', 'ringing', 'answered')`.execute(db);
  await sql`CREATE INDEX calls_created_idx ON calls (created_at)`.execute(db);

  await sql`CREATE TABLE call_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_id uuid NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    name text NOT NULL,
    at timestamptz NOT NULL,
    headers jsonb NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX call_events_call_idx ON call_events (call_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS call_events`.execute(db);
  await sql`DROP TABLE IF EXISTS calls`.execute(db);
}
