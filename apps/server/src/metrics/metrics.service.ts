import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DatabaseHandle } from '../db/database.js';
import { PbxService } from '../pbx/pbx.service.js';
import { registerAmiMetrics } from './ami-metrics.js';

const PBX_STATES = ['idle', 'connecting', 'authenticating', 'ready', 'reconnecting', 'closed'] as const;

/** Prometheus metrics of one app instance (its own registry, so several apps in one process do not clash). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly httpRequests: Counter<'method' | 'route' | 'status_code'>;

  constructor(database: DatabaseHandle, pbx: PbxService) {
    collectDefaultMetrics({ register: this.registry, prefix: 'switchboard_' });
    this.httpRequests = new Counter({
      name: 'switchboard_http_requests_total',
      help: 'HTTP requests answered, by route and status',
      labelNames: ['method', 'route', 'status_code'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'switchboard_http_request_duration_seconds',
      help: 'HTTP request duration, by route and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.pbxGauges(pbx);
    this.databaseGauges(database);
  }

  observeHttp(method: string, route: string, statusCode: number, seconds: number): void {
    const labels = { method, route, status_code: String(statusCode) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  /** The live stream's listener for other instances' call changes (CallStreamRelay), read at each scrape. */
  watchCallChangeListener(status: () => { listening: boolean; reconnects: number }): void {
    new Gauge({
      name: 'switchboard_call_changes_listening',
      help: "1 while this instance receives every instance's call changes from the database (LISTEN), else 0",
      registers: [this.registry],
      collect() {
        this.set(status().listening ? 1 : 0);
      },
    });
    new Counter({
      name: 'switchboard_call_changes_reconnects_total',
      help: 'Times the call-change listener connected again after losing its database connection',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(status().reconnects);
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private pbxGauges(pbx: PbxService): void {
    new Gauge({
      name: 'switchboard_pbx_state',
      help: 'PBX connection state (1 for the current state)',
      labelNames: ['pbx', 'state', 'simulated'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const status of pbx.status()) {
          for (const state of PBX_STATES) {
            this.set(
              { pbx: status.name, state, simulated: String(status.simulated) },
              status.state === state ? 1 : 0,
            );
          }
        }
      },
    });
    registerAmiMetrics(this.registry, () => pbx.metrics());
  }

  private databaseGauges(database: DatabaseHandle): void {
    new Gauge({
      name: 'switchboard_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting borrowers)',
      labelNames: ['kind', 'state'],
      registers: [this.registry],
      collect() {
        const stats = database.poolStats();
        this.set({ kind: database.kind, state: 'total' }, stats.total);
        this.set({ kind: database.kind, state: 'idle' }, stats.idle);
        this.set({ kind: database.kind, state: 'waiting' }, stats.waiting);
      },
    });
  }
}
