/** Upper bounds (ms) of the action latency histogram buckets; the last bucket is everything above. */
export const ACTION_LATENCY_BUCKETS_MS = [
  1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
] as const;

/** Counters of one client, as plain numbers (a snapshot: reading it again gives fresh values). */
export interface AmiClientMetrics {
  bytesReceived: number;
  messagesReceived: number;
  eventsReceived: number;
  responsesReceived: number;
  /** Responses whose ActionID matched no pending action (late, after a timeout, or foreign). */
  unmatchedResponses: number;
  actionsSent: number;
  actionsSucceeded: number;
  actionsFailed: number;
  actionsTimedOut: number;
  actionsDisconnected: number;
  pendingActions: number;
  queuedActions: number;
  connects: number;
  reconnects: number;
  loginFailures: number;
  keepaliveFailures: number;
  /** Action round trips: count, sum and max in ms, and cumulative counts per bucket of ACTION_LATENCY_BUCKETS_MS (+Inf last). */
  actionLatency: { count: number; sumMs: number; maxMs: number; buckets: number[] };
  /** Events waiting in subscriber buffers now (the sum over subscriptions) and the largest single backlog. */
  dispatchBacklog: number;
  dispatchMaxBacklog: number;
  /** Age in ms of the oldest event still waiting in a subscriber buffer. */
  dispatchLagMs: number;
  /** Events dropped because a subscriber's buffer was full. */
  dispatchDropped: number;
  /** Exceptions thrown (or rejections) by subscribers. */
  listenerErrors: number;
}

export class MetricsRecorder {
  bytesReceived = 0;
  messagesReceived = 0;
  eventsReceived = 0;
  responsesReceived = 0;
  unmatchedResponses = 0;
  actionsSent = 0;
  actionsSucceeded = 0;
  actionsFailed = 0;
  actionsTimedOut = 0;
  actionsDisconnected = 0;
  connects = 0;
  reconnects = 0;
  loginFailures = 0;
  keepaliveFailures = 0;
  dispatchDropped = 0;
  listenerErrors = 0;
  private latencyCount = 0;
  private latencySum = 0;
  private latencyMax = 0;
  private readonly latencyBuckets = new Array<number>(ACTION_LATENCY_BUCKETS_MS.length + 1).fill(0);

  recordLatency(ms: number): void {
    this.latencyCount++;
    this.latencySum += ms;
    if (ms > this.latencyMax) this.latencyMax = ms;
    let i = 0;
    while (i < ACTION_LATENCY_BUCKETS_MS.length && ms > ACTION_LATENCY_BUCKETS_MS[i]!) i++;
    this.latencyBuckets[i]!++;
  }

  snapshot(live: {
    pendingActions: number;
    queuedActions: number;
    dispatchBacklog: number;
    dispatchMaxBacklog: number;
    dispatchLagMs: number;
  }): AmiClientMetrics {
    let cumulative = 0;
    const buckets = this.latencyBuckets.map((n) => (cumulative += n));
    return {
      bytesReceived: this.bytesReceived,
      messagesReceived: this.messagesReceived,
      eventsReceived: this.eventsReceived,
      responsesReceived: this.responsesReceived,
      unmatchedResponses: this.unmatchedResponses,
      actionsSent: this.actionsSent,
      actionsSucceeded: this.actionsSucceeded,
      actionsFailed: this.actionsFailed,
      actionsTimedOut: this.actionsTimedOut,
      actionsDisconnected: this.actionsDisconnected,
      connects: this.connects,
      reconnects: this.reconnects,
      loginFailures: this.loginFailures,
      keepaliveFailures: this.keepaliveFailures,
      dispatchDropped: this.dispatchDropped,
      listenerErrors: this.listenerErrors,
      actionLatency: { count: this.latencyCount, sumMs: this.latencySum, maxMs: this.latencyMax, buckets },
      ...live,
    };
  }
}
