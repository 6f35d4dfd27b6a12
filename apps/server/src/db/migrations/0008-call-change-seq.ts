import { sql, type Kysely } from 'kysely';

/**
 * Every change of a call row takes the next number of one sequence (`calls.change_seq`): the live stream's event
 * id. A client that resumes with a `Last-Event-ID` older than what the process holds in memory (or after a
 * restart) is sent every call of its tenant changed since, from the database (issue 5).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SEQUENCE call_changes_seq`.execute(db);
  await sql`ALTER TABLE calls ADD COLUMN change_seq bigint`.execute(db);
  await sql`ALTER TABLE calls ALTER COLUMN change_seq SET DEFAULT nextval('call_changes_seq')`.execute(db);
  await sql`CREATE FUNCTION calls_next_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.change_seq := nextval('call_changes_seq');
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER calls_change_seq BEFORE UPDATE ON calls FOR EACH ROW
    EXECUTE FUNCTION calls_next_change()`.execute(db);
  await sql`CREATE INDEX calls_tenant_change_idx ON calls (tenant_id, change_seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS calls_change_seq ON calls`.execute(db);
  await sql`DROP FUNCTION IF EXISTS calls_next_change()`.execute(db);
  await sql`ALTER TABLE calls DROP COLUMN IF EXISTS change_seq`.execute(db);
  await sql`DROP SEQUENCE IF EXISTS call_changes_seq`.execute(db);
}
