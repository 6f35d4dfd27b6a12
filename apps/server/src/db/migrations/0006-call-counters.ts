import { sql, type Kysely } from 'kysely';

const LIVE = sql.raw(`('queued', 'dialing', 'ringing', 'answered')`);

/**
 * Make-call without a tenant lock (issue 5). Each tenant's calls in progress are counted by triggers on `calls`
 * in `tenant_call_counters`; inserting a live call past the tenant's `max_concurrent_calls` raises SQLSTATE
 * SB429, so the limit holds in one statement on any number of connections and instances. The same row keeps
 * the pacing cursor (`next_slot_at`). `calls.owner` is the Switchboard instance that placed the call.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE tenant_call_counters (
    tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    live_calls integer NOT NULL DEFAULT 0,
    next_slot_at timestamptz
  )`.execute(db);
  await sql`INSERT INTO tenant_call_counters (tenant_id, live_calls, next_slot_at)
    SELECT tenant_id, count(*), max(scheduled_at) FROM calls WHERE status IN ${LIVE} GROUP BY tenant_id`.execute(
    db,
  );

  await sql`CREATE FUNCTION calls_count_live_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      cap integer;
      live integer;
    BEGIN
      SELECT max_concurrent_calls INTO cap FROM tenants WHERE id = NEW.tenant_id;
      INSERT INTO tenant_call_counters AS c (tenant_id, live_calls) VALUES (NEW.tenant_id, 1)
        ON CONFLICT (tenant_id) DO UPDATE SET live_calls = c.live_calls + 1
        WHERE cap IS NULL OR c.live_calls < cap
        RETURNING c.live_calls INTO live;
      IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SB429', MESSAGE = 'too-many-calls', DETAIL = cap::text;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE FUNCTION calls_count_live_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND NEW.status IN ${LIVE} THEN
        UPDATE tenant_call_counters SET live_calls = live_calls + 1 WHERE tenant_id = NEW.tenant_id;
      ELSE
        UPDATE tenant_call_counters SET live_calls = GREATEST(live_calls - 1, 0) WHERE tenant_id = OLD.tenant_id;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER calls_live_insert AFTER INSERT ON calls FOR EACH ROW
    WHEN (NEW.status IN ${LIVE}) EXECUTE FUNCTION calls_count_live_insert()`.execute(db);
  await sql`CREATE TRIGGER calls_live_update AFTER UPDATE OF status ON calls FOR EACH ROW
    WHEN ((OLD.status IN ${LIVE}) <> (NEW.status IN ${LIVE})) EXECUTE FUNCTION calls_count_live_change()`.execute(
    db,
  );
  await sql`CREATE TRIGGER calls_live_delete AFTER DELETE ON calls FOR EACH ROW
    WHEN (OLD.status IN ${LIVE}) EXECUTE FUNCTION calls_count_live_change()`.execute(db);

  await sql`ALTER TABLE calls ADD COLUMN owner text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE calls DROP COLUMN IF EXISTS owner`.execute(db);
  for (const name of ['calls_live_insert', 'calls_live_update', 'calls_live_delete']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(name)} ON calls`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS calls_count_live_insert()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS calls_count_live_change()`.execute(db);
  await sql`DROP TABLE IF EXISTS tenant_call_counters`.execute(db);
}
