import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/helpers/seeded-random.js';
import { weightedPick } from './weighted-pick.js';

describe('weightedPick', () => {
  it('follows the weights over many picks and never picks weight 0', () => {
    const items = [
      { id: 'a', weight: 1 },
      { id: 'b', weight: 3 },
      { id: 'c', weight: 6 },
      { id: 'zero', weight: 0 },
    ];
    const random = seededRandom(42);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, zero: 0 };
    const picks = 20_000;
    for (let i = 0; i < picks; i++) counts[weightedPick(items, random)!.id]!++;
    expect(counts.zero).toBe(0);
    expect(counts.a! / picks).toBeCloseTo(0.1, 1);
    expect(counts.b! / picks).toBeCloseTo(0.3, 1);
    expect(counts.c! / picks).toBeCloseTo(0.6, 1);
  });

  it('maps the ends of the random range onto the first and last weighted items', () => {
    const items = [
      { id: 'a', weight: 1 },
      { id: 'b', weight: 1 },
      { id: 'none', weight: 0 },
    ];
    expect(weightedPick(items, () => 0)?.id).toBe('a');
    expect(weightedPick(items, () => 0.999999)?.id).toBe('b');
  });

  it('answers undefined when nothing has weight', () => {
    expect(weightedPick([{ weight: 0 }], () => 0.5)).toBeUndefined();
    expect(weightedPick([], () => 0.5)).toBeUndefined();
  });
});
