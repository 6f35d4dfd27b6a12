import { ACTION_LATENCY_BUCKETS_MS, type AmiClientMetrics } from '@switchboard/ami';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { zeroMetrics } from '../../test/helpers/fake-pbx.js';
import { registerAmiMetrics, type PbxClientMetrics } from './ami-metrics.js';

function snapshot(overrides: Partial<AmiClientMetrics> = {}): AmiClientMetrics {
  return { ...zeroMetrics(), ...overrides };
}

async function scrape(clients: PbxClientMetrics[]): Promise<string> {
  const registry = new Registry();
  registerAmiMetrics(registry, () => clients);
  return registry.metrics();
}

/** The samples of one metric family, as `name{labels} value` lines. */
const samples = (text: string, family: string) =>
  text.split('\n').filter((line) => line.startsWith(`${family}{`) || line.startsWith(`${family}_`));

describe('AMI client metrics in Prometheus format', () => {
  it('exports monotonic counts as counters named _total, per PBX', async () => {
    const text = await scrape([
      { name: 'main', metrics: snapshot({ eventsReceived: 1200, actionsSent: 42, reconnects: 3 }) },
      { name: 'backup', metrics: snapshot({ eventsReceived: 7 }) },
    ]);
    expect(text).toContain('# TYPE switchboard_ami_events_received_total counter');
    expect(text).toContain('switchboard_ami_events_received_total{pbx="main"} 1200');
    expect(text).toContain('switchboard_ami_events_received_total{pbx="backup"} 7');
    expect(text).toContain('# TYPE switchboard_ami_actions_sent_total counter');
    expect(text).toContain('switchboard_ami_actions_sent_total{pbx="main"} 42');
    expect(text).toContain('switchboard_ami_reconnects_total{pbx="main"} 3');
    expect(text).toContain('switchboard_ami_reconnects_total{pbx="backup"} 0');
    for (const type of text.matchAll(/^# TYPE (\S+) counter$/gm)) expect(type[1]).toMatch(/_total$/);
  });

  it('exports pending work and backlogs as gauges, the lag in seconds', async () => {
    const text = await scrape([
      { name: 'main', metrics: snapshot({ pendingActions: 5, queuedActions: 2, dispatchLagMs: 1500 }) },
    ]);
    expect(text).toContain('# TYPE switchboard_ami_pending_actions gauge');
    expect(text).toContain('switchboard_ami_pending_actions{pbx="main"} 5');
    expect(text).toContain('switchboard_ami_queued_actions{pbx="main"} 2');
    expect(text).toContain('# TYPE switchboard_ami_dispatch_lag_seconds gauge');
    expect(text).toContain('switchboard_ami_dispatch_lag_seconds{pbx="main"} 1.5');
    expect(text).toContain('# TYPE switchboard_ami_dispatch_backlog gauge');
  });

  it('exports the action latency as a histogram in seconds with the buckets of the AMI client', async () => {
    // Cumulative counts per bucket of ACTION_LATENCY_BUCKETS_MS, +Inf last: 2 actions <= 1 ms, 1 at 7 ms, 1 at 20 s.
    const buckets = [2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4];
    expect(buckets).toHaveLength(ACTION_LATENCY_BUCKETS_MS.length + 1);
    const text = await scrape([
      {
        name: 'main',
        metrics: snapshot({ actionLatency: { count: 4, sumMs: 20_008.5, maxMs: 20_000, buckets } }),
      },
    ]);
    expect(text).toContain('# TYPE switchboard_ami_action_duration_seconds histogram');
    expect(samples(text, 'switchboard_ami_action_duration_seconds')).toEqual([
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.001"} 2',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.002"} 2',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.005"} 2',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.01"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.025"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.05"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.1"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.25"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="0.5"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="1"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="2.5"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="5"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="10"} 3',
      'switchboard_ami_action_duration_seconds_bucket{pbx="main",le="+Inf"} 4',
      'switchboard_ami_action_duration_seconds_sum{pbx="main"} 20.0085',
      'switchboard_ami_action_duration_seconds_count{pbx="main"} 4',
    ]);
    expect(text).toContain('switchboard_ami_action_duration_max_seconds{pbx="main"} 20');
  });

  it('reads fresh values at every scrape, and lists no PBX when there is none', async () => {
    const metrics = snapshot();
    const registry = new Registry();
    registerAmiMetrics(registry, () => [{ name: 'main', metrics }]);
    metrics.eventsReceived = 10;
    expect(await registry.metrics()).toContain('switchboard_ami_events_received_total{pbx="main"} 10');
    metrics.eventsReceived = 25;
    expect(await registry.metrics()).toContain('switchboard_ami_events_received_total{pbx="main"} 25');
    expect(await scrape([])).not.toMatch(/^switchboard_ami_\S+\{/m);
  });
});
