import { ACTION_LATENCY_BUCKETS_MS, type AmiClientMetrics } from '@switchboard/ami';
import { Counter, Gauge, type Metric, type Registry } from 'prom-client';

/** One AMI client's counters, as `PbxService.metrics()` gives them. */
export interface PbxClientMetrics {
  name: string;
  metrics: AmiClientMetrics;
}

type ScalarField = Exclude<keyof AmiClientMetrics, 'actionLatency'>;

interface FieldExport {
  /** Counters only count up while the client lives (rate() works on them); gauges are current levels. */
  kind: 'counter' | 'gauge';
  name: string;
  help: string;
  /** Multiplier to the exported unit (ms to seconds). */
  scale?: number;
}

/** Every scalar of the AMI client's snapshot: a new one in packages/ami fails to compile until it is added. */
const FIELDS: Record<ScalarField, FieldExport> = {
  bytesReceived: { kind: 'counter', name: 'bytes_received_total', help: 'Bytes read from the AMI socket' },
  messagesReceived: {
    kind: 'counter',
    name: 'messages_received_total',
    help: 'AMI messages (events and responses) parsed',
  },
  eventsReceived: { kind: 'counter', name: 'events_received_total', help: 'AMI events received' },
  responsesReceived: {
    kind: 'counter',
    name: 'responses_received_total',
    help: 'AMI action responses received',
  },
  unmatchedResponses: {
    kind: 'counter',
    name: 'unmatched_responses_total',
    help: 'Responses whose ActionID matched no pending action (late, after a timeout, or foreign)',
  },
  actionsSent: { kind: 'counter', name: 'actions_sent_total', help: 'AMI actions written to the socket' },
  actionsSucceeded: {
    kind: 'counter',
    name: 'actions_succeeded_total',
    help: 'AMI actions answered with success',
  },
  actionsFailed: {
    kind: 'counter',
    name: 'actions_failed_total',
    help: 'AMI actions answered with an error',
  },
  actionsTimedOut: {
    kind: 'counter',
    name: 'actions_timed_out_total',
    help: 'AMI actions that got no answer in time',
  },
  actionsDisconnected: {
    kind: 'counter',
    name: 'actions_disconnected_total',
    help: 'AMI actions failed because the connection dropped before the answer',
  },
  connects: { kind: 'counter', name: 'connects_total', help: 'AMI connections established (logged in)' },
  reconnects: {
    kind: 'counter',
    name: 'reconnects_total',
    help: 'AMI reconnection attempts after a lost connection',
  },
  loginFailures: { kind: 'counter', name: 'login_failures_total', help: 'AMI logins refused' },
  keepaliveFailures: {
    kind: 'counter',
    name: 'keepalive_failures_total',
    help: 'AMI keepalive pings that failed',
  },
  dispatchDropped: {
    kind: 'counter',
    name: 'dispatch_dropped_total',
    help: "AMI events dropped because a subscriber's buffer was full",
  },
  listenerErrors: {
    kind: 'counter',
    name: 'listener_errors_total',
    help: 'Exceptions thrown (or rejections) by AMI subscribers',
  },
  pendingActions: {
    kind: 'gauge',
    name: 'pending_actions',
    help: 'AMI actions sent and waiting for their answer',
  },
  queuedActions: {
    kind: 'gauge',
    name: 'queued_actions',
    help: 'AMI actions waiting to be sent (not connected yet)',
  },
  dispatchBacklog: {
    kind: 'gauge',
    name: 'dispatch_backlog',
    help: 'AMI events waiting in subscriber buffers (sum over subscriptions)',
  },
  dispatchMaxBacklog: {
    kind: 'gauge',
    name: 'dispatch_max_backlog',
    help: 'AMI events waiting in the fullest single subscriber buffer',
  },
  dispatchLagMs: {
    kind: 'gauge',
    name: 'dispatch_lag_seconds',
    help: 'Age of the oldest AMI event still waiting in a subscriber buffer',
    scale: 1 / 1000,
  },
};

const PREFIX = 'switchboard_ami_';

/**
 * Registers the counters of every AMI client (packages/ami `client.metrics`) in `registry`, labelled by PBX:
 * counts as counters, levels as gauges, the action round trip as a histogram in seconds. Values are read from
 * the clients at each scrape.
 */
export function registerAmiMetrics(registry: Registry, source: () => PbxClientMetrics[]): void {
  for (const [field, { kind, name, help, scale = 1 }] of Object.entries(FIELDS) as Array<
    [ScalarField, FieldExport]
  >) {
    const options = { name: PREFIX + name, help, labelNames: ['pbx'] as const, registers: [registry] };
    if (kind === 'counter') {
      new Counter({
        ...options,
        collect() {
          this.reset();
          for (const pbx of source()) this.inc({ pbx: pbx.name }, pbx.metrics[field] * scale);
        },
      });
    } else {
      new Gauge({
        ...options,
        collect() {
          this.reset();
          for (const pbx of source()) this.set({ pbx: pbx.name }, pbx.metrics[field] * scale);
        },
      });
    }
  }
  new Gauge({
    name: `${PREFIX}action_duration_max_seconds`,
    help: 'Slowest AMI action round trip so far',
    labelNames: ['pbx'],
    registers: [registry],
    collect() {
      this.reset();
      for (const pbx of source()) this.set({ pbx: pbx.name }, pbx.metrics.actionLatency.maxMs / 1000);
    },
  });
  registry.registerMetric(actionDurationHistogram(source));
}

/**
 * prom-client's Histogram only takes observations, but the AMI client already keeps the cumulative bucket
 * counts, so this collector reports them as they are: one `_bucket` per bound of ACTION_LATENCY_BUCKETS_MS (in
 * seconds) and `+Inf`, with `_sum` and `_count`. The registry only calls `get()` and reads name, help and type.
 */
function actionDurationHistogram(source: () => PbxClientMetrics[]): Metric {
  const name = `${PREFIX}action_duration_seconds`;
  const collector = {
    name,
    help: 'AMI action round trip, from writing the action to its answer',
    type: 'histogram',
    aggregator: 'sum',
    get() {
      const values: Array<{ metricName: string; labels: Record<string, string | number>; value: number }> =
        [];
      for (const { name: pbx, metrics } of source()) {
        const { buckets, count, sumMs } = metrics.actionLatency;
        ACTION_LATENCY_BUCKETS_MS.forEach((bound, i) => {
          values.push({
            metricName: `${name}_bucket`,
            labels: { pbx, le: bound / 1000 },
            value: buckets[i] ?? 0,
          });
        });
        values.push({ metricName: `${name}_bucket`, labels: { pbx, le: '+Inf' }, value: count });
        values.push({ metricName: `${name}_sum`, labels: { pbx }, value: sumMs / 1000 });
        values.push({ metricName: `${name}_count`, labels: { pbx }, value: count });
      }
      return Promise.resolve({ name, help: collector.help, type: 'histogram', aggregator: 'sum', values });
    },
  };
  return collector as unknown as Metric;
}
