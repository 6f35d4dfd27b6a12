import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import type { CallRow } from '../db/database.types.js';
import { CallReportsRepository } from './call-reports.repository.js';
import type { ListCallsQuery, StatsQuery } from './calls.dto.js';
import { CallsOptions } from './calls.options.js';
import { CallsRepository } from './calls.repository.js';
import { CallsService } from './calls.service.js';

const CSV_COLUMNS: Array<[string, (row: CallRow) => string | number | null | undefined]> = [
  ['id', (r) => r.id],
  ['created_at', (r) => r.created_at.toISOString()],
  ['status', (r) => r.status],
  ['to', (r) => r.to_number],
  ['from', (r) => r.from_number],
  ['caller_name', (r) => r.caller_name],
  ['originated_at', (r) => r.originated_at?.toISOString()],
  ['answered_at', (r) => r.answered_at?.toISOString()],
  ['ended_at', (r) => r.ended_at?.toISOString()],
  ['ring_seconds', (r) => r.ring_seconds],
  ['talk_seconds', (r) => r.talk_seconds],
  ['hangup_cause', (r) => r.hangup_cause],
  ['dial_status', (r) => r.dial_status],
  ['cdr_disposition', (r) => r.cdr_disposition],
  ['cdr_billsec', (r) => r.cdr_billsec],
  ['recording_file', (r) => r.recording_file],
  ['end_reason', (r) => r.end_reason],
];

/** One CSV field; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

@Injectable()
export class CallReportsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Calls');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly reports: CallReportsRepository,
    private readonly calls: CallsRepository,
    private readonly callsService: CallsService,
    private readonly clock: Clock,
    private readonly options: CallsOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.purge().catch((err: Error) => this.logger.warn(`retention purge failed: ${err.message}`));
    }, this.options.retentionIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes call logs (and their events) older than the retention period; answers how many went. */
  async purge(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.options.retentionDays * 86_400_000);
    const deleted = await this.calls.purge(before);
    if (deleted > 0) this.logger.log(`retention: ${deleted} calls older than ${before.toISOString()} purged`);
    return deleted;
  }

  async stats(principal: Principal, query: StatsQuery) {
    const tenantId = await this.callsService.tenantOf(principal, query.tenantId);
    const rows = await this.reports.stats(
      tenantId,
      query.since ? new Date(query.since) : undefined,
      query.until ? new Date(query.until) : undefined,
    );
    const summary = (items: typeof rows) => {
      const sum = (pick: (row: (typeof rows)[number]) => number) =>
        items.reduce((n, row) => n + pick(row), 0);
      const placed = sum((r) => r.placed);
      const answered = sum((r) => r.answered);
      const talk = sum((r) => r.totalTalkSeconds);
      return {
        placed,
        answered,
        busy: sum((r) => r.busy),
        noAnswer: sum((r) => r.noAnswer),
        congestion: sum((r) => r.congestion),
        failed: sum((r) => r.failed),
        canceled: sum((r) => r.canceled),
        answerRate: placed === 0 ? 0 : round(answered / placed),
        averageTalkSeconds: answered === 0 ? 0 : round(talk / answered),
      };
    };
    return {
      since: query.since ?? null,
      until: query.until ?? null,
      ...summary(rows),
      perDid: rows.map((row) => ({ did: row.did, ...summary([row]) })),
    };
  }

  /** The CSV export as lines, produced page by page. */
  async *csv(principal: Principal, query: ListCallsQuery): AsyncGenerator<string> {
    const tenantId = await this.callsService.tenantOf(principal, query.tenantId);
    yield `${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`;
    const filters = this.callsService.filters(query);
    for await (const page of this.reports.walk(tenantId, filters)) {
      yield page.map((row) => `${CSV_COLUMNS.map(([, get]) => csvField(get(row))).join(',')}\r\n`).join('');
    }
  }
}
