import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { validationFailed } from '../common/errors/app-error.js';
import { outcomeCounts, type OutcomeCounts } from '../calls/outcome-counts.js';
import { DatabaseHandle } from '../db/database.js';
import type { HourlyBucket } from './call-charts.dto.js';

type HourlyRow = { hour: Date | string } & Record<keyof OutcomeCounts, string | number>;

/** PostgreSQL's `invalid_parameter_value`, which it raises for a time zone it does not know. */
const INVALID_PARAMETER_VALUE = '22023';

/** Calls counted per hour of a time zone by outcome, in SQL; every hour of the period has a row. */
@Injectable()
export class CallChartsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  /**
   * Buckets for the hours of `timeZone` covering [since, until), calls by created_at; the tenant scopes every
   * row. A zone the database does not know (its list can differ from the runtime's) is a 400, not a 500.
   */
  async hourly(
    tenantId: string,
    period: { since: Date; until: Date },
    timeZone: string,
  ): Promise<HourlyBucket[]> {
    const rows = await this.countPerHour(tenantId, period, timeZone).catch((err: unknown) => {
      if ((err as { code?: unknown }).code !== INVALID_PARAMETER_VALUE) throw err;
      throw validationFailed(`The database does not know the time zone ${timeZone}`, {
        issues: [{ path: 'timeZone', message: 'unknown to the database' }],
      });
    });
    return rows.map((row) => ({ hour: new Date(row.hour).toISOString(), ...outcomeCounts(row) }));
  }

  private async countPerHour(
    tenantId: string,
    { since, until }: { since: Date; until: Date },
    timeZone: string,
  ): Promise<HourlyRow[]> {
    const { rows } = await sql<HourlyRow>`
      WITH hours AS (
        SELECT generate_series(
          date_trunc('hour', ${since}::timestamptz, ${timeZone}),
          ${until}::timestamptz - interval '1 microsecond',
          interval '1 hour'
        ) AS hour
      ),
      counts AS (
        SELECT
          date_trunc('hour', created_at, ${timeZone}) AS hour,
          count(*) AS placed,
          count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered,
          count(*) FILTER (WHERE status = 'busy') AS busy,
          count(*) FILTER (WHERE status = 'no-answer') AS no_answer,
          count(*) FILTER (WHERE status = 'congestion') AS congestion,
          count(*) FILTER (WHERE status = 'failed') AS failed,
          count(*) FILTER (WHERE status = 'canceled') AS canceled
        FROM calls
        WHERE tenant_id = ${tenantId} AND created_at >= ${since} AND created_at < ${until}
        GROUP BY 1
      )
      SELECT
        hours.hour,
        coalesce(counts.placed, 0) AS "placed",
        coalesce(counts.answered, 0) AS "answered",
        coalesce(counts.busy, 0) AS "busy",
        coalesce(counts.no_answer, 0) AS "noAnswer",
        coalesce(counts.congestion, 0) AS "congestion",
        coalesce(counts.failed, 0) AS "failed",
        coalesce(counts.canceled, 0) AS "canceled"
      FROM hours LEFT JOIN counts ON counts.hour = hours.hour
      ORDER BY hours.hour`.execute(this.database.db);
    return rows;
  }
}
