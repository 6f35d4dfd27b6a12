import { hostname } from 'node:os';
import type { AppConfig } from '../config/app-config.js';

/** Tunables of the calls domain; every field documented with its default in `defaultCallsOptions`. */
export class CallsOptions {
  /** Longest wait before tracked changes are written (ms). */
  flushMs = 20;
  /** Most updates written in one transaction. */
  maxBatch = 500;
  /** How long notices of other instances' call changes are collected before they are read in one query (ms). */
  remoteChangeWindowMs = 25;
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
  /**
   * This Switchboard instance, written on the calls it places (`calls.owner`): after an AMI reconnect it closes
   * only its own calls. SWITCHBOARD_INSTANCE_ID; default the host name.
   */
  instanceId = hostname();
}

/** The calls options a deployment sets through the environment (the rest keep their defaults). */
export function callsOptionsFrom(config: AppConfig): CallsOptions {
  const options = new CallsOptions();
  options.retentionDays = config.callRetentionDays;
  options.maxCallDurationMs = config.maxCallDurationSeconds * 1000;
  options.instanceId = config.instanceId;
  return options;
}
