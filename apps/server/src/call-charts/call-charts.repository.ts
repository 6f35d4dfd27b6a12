import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DatabaseHandle } from '../db/database.js';
import type { HourlyBucket } from './call-charts.dto.js';

interface HourlyRow {
  hour: Date | string;
  placed: string | number;
  answered: string | number;
  busy: string | number;
  noAnswer: string | number;
  congestion: string | number;
  failed: string | number;
  canceled: string | number;
}

/** Calls counted per UTC hour by outcome, in SQL; every hour of the period has a row. */
@Injectable()
export class CallChartsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  /** Buckets for the hours covering [since, until), calls by created_at; the tenant scopes every row. */
  async hourly(tenantId: string, since: Date, until: Date): Promise<HourlyBucket[]> {
    const { rows } = await sql<HourlyRow>`
      WITH hours AS (
        SELECT generate_series(
          date_trunc('hour', ${since}::timestamptz, 'UTC'),
          ${until}::timestamptz - interval '1 microsecond',
          interval '1 hour'
        ) AS hour
      ),
      counts AS (
        SELECT
          date_trunc('hour', created_at, 'UTC') AS hour,
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
    return rows.map((row) => ({
      hour: new Date(row.hour).toISOString(),
      placed: Number(row.placed),
      answered: Number(row.answered),
      busy: Number(row.busy),
      noAnswer: Number(row.noAnswer),
      congestion: Number(row.congestion),
      failed: Number(row.failed),
      canceled: Number(row.canceled),
    }));
  }
}
