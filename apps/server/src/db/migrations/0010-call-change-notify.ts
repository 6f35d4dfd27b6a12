import { sql, type Kysely } from 'kysely';

/**
 * Every change of a call (a new `change_seq`, migration 0008) is announced on the channel
 * `switchboard_call_changes`, so each Switchboard instance's live stream carries the changes every instance
 * writes. The payload is small (a NOTIFY payload is limited to 8000 bytes): the table's schema (several
 * deployments or test runs may share one database, and channels are per database), the call id, its tenant and
 * its `change_seq`. The writing instance is not known to the database (instances may share a pool, and
 * `calls.owner` is the instance that placed the call, not the one writing), so listeners drop what they already
 * published by `change_seq`. NOTIFY is sent at commit, and never for a rolled-back change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION calls_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('switchboard_call_changes', json_build_object(
        'schema', TG_TABLE_SCHEMA, 'id', NEW.id, 'tenantId', NEW.tenant_id, 'changeSeq', NEW.change_seq
      )::text);
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER calls_notify_insert AFTER INSERT ON calls FOR EACH ROW
    EXECUTE FUNCTION calls_notify_change()`.execute(db);
  // Every UPDATE takes a new change_seq today (calls_change_seq); the condition keeps it so if that changes.
  await sql`CREATE TRIGGER calls_notify_update AFTER UPDATE ON calls FOR EACH ROW
    WHEN (OLD.change_seq IS DISTINCT FROM NEW.change_seq) EXECUTE FUNCTION calls_notify_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS calls_notify_update ON calls`.execute(db);
  await sql`DROP TRIGGER IF EXISTS calls_notify_insert ON calls`.execute(db);
  await sql`DROP FUNCTION IF EXISTS calls_notify_change()`.execute(db);
}
