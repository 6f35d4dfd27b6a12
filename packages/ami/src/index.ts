export * from './protocol/index.js';
export { AmiClient } from './client/ami-client.js';
export type { AmiClientEvents, AmiClientState } from './client/ami-client.js';
export { AmiResponse } from './client/ami-response.js';
export type { ActionCallOptions } from './client/action-tracker.js';
export {
  defaultClientOptions,
  defaultKeepaliveOptions,
  defaultReconnectOptions,
  resolveClientOptions,
} from './client/client-options.js';
export type { AmiClientOptions, KeepaliveOptions, ReconnectOptions } from './client/client-options.js';
export { backoffDelay } from './client/backoff.js';
export { ACTION_LATENCY_BUCKETS_MS } from './client/client-metrics.js';
export type { AmiClientMetrics } from './client/client-metrics.js';
export { Subscription } from './client/event-dispatcher.js';
export type { AmiEventListener, SubscribeOptions } from './client/event-dispatcher.js';
export { buildOriginateAction, originateOutcome, toOriginateResult } from './actions/originate.js';
export type { OriginateOutcome, OriginateParams, OriginateResult } from './actions/originate.js';
export { buildEvent } from './events/build-event.js';
export * from './events/ami-event.js';
