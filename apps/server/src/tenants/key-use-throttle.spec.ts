import { describe, expect, it } from 'vitest';
import { KeyUseThrottle } from './key-use-throttle.js';

describe('KeyUseThrottle', () => {
  it('records a key once per window', () => {
    const throttle = new KeyUseThrottle(60_000);
    expect(throttle.shouldRecord('k1', 0)).toBe(true);
    expect(throttle.shouldRecord('k1', 59_999)).toBe(false);
    expect(throttle.shouldRecord('k2', 59_999)).toBe(true);
    expect(throttle.shouldRecord('k1', 60_000)).toBe(true);
    expect(throttle.shouldRecord('k1', 61_000)).toBe(false);
  });

  it('forgets the least recently recorded key beyond its bound', () => {
    const throttle = new KeyUseThrottle(60_000, 2);
    throttle.shouldRecord('a', 0);
    throttle.shouldRecord('b', 1);
    throttle.shouldRecord('c', 2);
    expect(throttle.shouldRecord('a', 3)).toBe(true);
    expect(throttle.shouldRecord('c', 4)).toBe(false);
  });
});
