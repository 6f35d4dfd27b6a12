import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { CallsOptions, callsOptionsFrom } from './calls.options.js';

describe('callsOptionsFrom', () => {
  it('takes retention days, the maximum call duration and the instance id from the environment', () => {
    const options = callsOptionsFrom(
      loadConfig({
        CALLS_RETENTION_DAYS: '7',
        CALLS_MAX_DURATION_SECONDS: '900',
        SWITCHBOARD_INSTANCE_ID: 'b',
      }),
    );
    expect([options.retentionDays, options.maxCallDurationMs, options.instanceId]).toEqual([7, 900_000, 'b']);
    // The rest keep their defaults.
    expect(options.idempotencyTtlMs).toBe(new CallsOptions().idempotencyTtlMs);
  });
});
