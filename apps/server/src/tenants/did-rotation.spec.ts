import { describe, expect, it } from 'vitest';
import { pickDid, type DidCandidate, type RotationInput } from './did-rotation.js';

const did = (position: number, number: string, lastUsed: number | null = null): DidCandidate => ({
  id: `did-${position}`,
  number,
  position,
  last_used_at: lastUsed === null ? null : new Date(lastUsed),
});

const base = (overrides: Partial<RotationInput>): RotationInput => ({
  strategy: 'round-robin',
  candidates: [],
  lastPosition: 0,
  destination: undefined,
  random: () => 0,
  ...overrides,
});

describe('pickDid', () => {
  const dids = [did(1, '+12025550101', 300), did(2, '+13125550102', 100), did(3, '+14155550103', 200)];

  it('round-robin takes the next position after the last pick and wraps around', () => {
    expect(pickDid(base({ candidates: dids, lastPosition: 0 }))?.id).toBe('did-1');
    expect(pickDid(base({ candidates: dids, lastPosition: 1 }))?.id).toBe('did-2');
    expect(pickDid(base({ candidates: dids, lastPosition: 3 }))?.id).toBe('did-1');
  });

  it('least-recently-used prefers never-used, then the oldest use', () => {
    expect(pickDid(base({ strategy: 'least-recently-used', candidates: dids }))?.id).toBe('did-2');
    const withNew = [...dids, did(4, '+12125550104')];
    expect(pickDid(base({ strategy: 'least-recently-used', candidates: withNew }))?.id).toBe('did-4');
  });

  it('random maps the random source onto the candidates', () => {
    expect(pickDid(base({ strategy: 'random', candidates: dids, random: () => 0.99 }))?.id).toBe('did-3');
    expect(pickDid(base({ strategy: 'random', candidates: dids, random: () => 0.4 }))?.id).toBe('did-2');
  });

  it('local presence prefers the same area code, then the same country, then any', () => {
    const pick = (destination: string, candidates = dids) =>
      pickDid(base({ strategy: 'local-presence', candidates, destination }))?.id;
    expect(pick('+14155550199')).toBe('did-3');
    expect(pick('+13125550188')).toBe('did-2');
    // No DID in 646 (New York): any US DID, least recently used first.
    expect(pick('+16465550100')).toBe('did-2');
    // Abroad: falls back to the least recently used overall.
    expect(pick('+442079460958', [did(1, '+12025550101', 50), did(2, '+442079460000', 500)])).toBe('did-2');
    expect(pick('+33142685300', [did(1, '+12025550101', 50), did(2, '+442079460000', 500)])).toBe('did-1');
  });

  it('local presence rotates among DIDs that are equally close', () => {
    const sameArea = [did(1, '+12025550101', 500), did(2, '+12025550102', 100)];
    expect(
      pickDid(base({ strategy: 'local-presence', candidates: sameArea, destination: '+12025550199' }))?.id,
    ).toBe('did-2');
  });

  it('answers undefined when no DID is eligible', () => {
    expect(pickDid(base({ candidates: [] }))).toBeUndefined();
  });
});
