import type { ReconnectOptions } from './client-options.js';

/**
 * Delay before reconnect attempt number `attempt` (0-based): exponential growth capped at `maxDelay`, spread
 * by ±`jitter` so a fleet of clients does not hammer a restarting Asterisk in step.
 */
export function backoffDelay(
  attempt: number,
  options: Required<ReconnectOptions>,
  random: () => number,
): number {
  const base = Math.min(options.maxDelay, options.initialDelay * Math.pow(options.factor, attempt));
  const spread = base * options.jitter;
  const delay = base - spread + random() * 2 * spread;
  return Math.max(0, Math.min(options.maxDelay, Math.round(delay)));
}
