import { EventEmitter } from 'node:events';
import { ACTION_LATENCY_BUCKETS_MS, type AmiClientMetrics } from '@switchboard/ami';
import type { PbxClient, PbxLink, PbxState } from '../../src/pbx/pbx-client.js';
import { PbxConnector } from '../../src/pbx/pbx-client.js';

/** A client's counters before anything happened (latency buckets shaped as a real client's). */
export const zeroMetrics = (): AmiClientMetrics => ({
  bytesReceived: 0,
  messagesReceived: 0,
  eventsReceived: 0,
  responsesReceived: 0,
  unmatchedResponses: 0,
  actionsSent: 0,
  actionsSucceeded: 0,
  actionsFailed: 0,
  actionsTimedOut: 0,
  actionsDisconnected: 0,
  pendingActions: 0,
  queuedActions: 0,
  connects: 0,
  reconnects: 0,
  loginFailures: 0,
  keepaliveFailures: 0,
  actionLatency: { count: 0, sumMs: 0, maxMs: 0, buckets: ACTION_LATENCY_BUCKETS_MS.map(() => 0).concat(0) },
  dispatchBacklog: 0,
  dispatchMaxBacklog: 0,
  dispatchLagMs: 0,
  dispatchDropped: 0,
  listenerErrors: 0,
});

/** Stands in for an AmiClient: state changes on demand, counters settable, no sockets. */
export class FakePbxClient extends EventEmitter {
  state: PbxState = 'idle';
  metrics = zeroMetrics();
  closed = 0;

  constructor(private readonly connectTo: PbxState = 'ready') {
    super();
  }

  setState(next: PbxState): void {
    const previous = this.state;
    this.state = next;
    this.emit('state', next, previous);
  }

  connect(): Promise<void> {
    this.metrics.connects++;
    this.setState(this.connectTo);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closed++;
    this.setState('closed');
    return Promise.resolve();
  }

  action(): Promise<never> {
    return Promise.reject(new Error('FakePbxClient does not answer actions'));
  }

  /** No events ever come; the subscription only needs closing. */
  subscribe(): { close(): void } {
    return { close: () => undefined };
  }

  originate(): Promise<never> {
    return Promise.reject(new Error('FakePbxClient does not originate'));
  }
}

export class FakePbxConnector extends PbxConnector {
  readonly clients: FakePbxClient[];

  constructor(
    private readonly links: Array<{ name: string; simulated?: boolean; connectTo?: PbxState }> = [
      { name: 'main' },
    ],
  ) {
    super();
    this.clients = links.map((link) => new FakePbxClient(link.connectTo));
  }

  open(): Promise<PbxLink[]> {
    return Promise.resolve(
      this.links.map((link, i) => ({
        name: link.name,
        host: '127.0.0.1',
        port: 5038,
        simulated: link.simulated ?? false,
        client: this.clients[i] as unknown as PbxClient,
      })),
    );
  }
}
