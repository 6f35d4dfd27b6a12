/** Tunables of the calls domain; every field documented with its default in `defaultCallsOptions`. */
export class CallsOptions {
  /** Longest wait before tracked changes are written (ms). */
  flushMs = 20;
  /** Most updates written in one transaction. */
  maxBatch = 500;
  /** How often the pacing queue is checked for due calls (ms). */
  dispatchIntervalMs = 100;
  /** How often the watchdog looks for calls past `maxCallDurationMs` (ms). */
  watchdogIntervalMs = 10_000;
  /** A call older than this is closed (and hung up) by the watchdog. 4 hours. */
  maxCallDurationMs = 4 * 3600_000;
  /** Idempotency keys are honoured this long. 24 hours. */
  idempotencyTtlMs = 24 * 3600_000;
  /** Call logs older than this many days are purged. */
  retentionDays = 90;
  /** How often the retention purge runs (ms). 1 hour. */
  retentionIntervalMs = 3600_000;
  /** Seconds a client is told to wait (Retry-After) when over its concurrent-call limit. */
  retryAfterSeconds = 2;
}
