import { describe, expect, it } from 'vitest';
import { formatShare, transferShares, transferSharesWithDraft } from './transfer-share';

describe('transferShares', () => {
  it('divides each weight by the sum of the enabled weights', () => {
    const shares = transferShares([
      { id: 'a', weight: 1, enabled: true },
      { id: 'b', weight: 3, enabled: true },
    ]);
    expect(shares.get('a')).toBe(0.25);
    expect(shares.get('b')).toBe(0.75);
  });

  it('leaves disabled numbers out of the sum and gives them 0', () => {
    const shares = transferShares([
      { id: 'a', weight: 2, enabled: true },
      { id: 'b', weight: 5, enabled: false },
      { id: 'c', weight: 2, enabled: true },
    ]);
    expect(shares.get('a')).toBe(0.5);
    expect(shares.get('b')).toBe(0);
    expect(shares.get('c')).toBe(0.5);
  });

  it('gives 0 to everyone when no enabled number has weight, never NaN', () => {
    const shares = transferShares([
      { id: 'a', weight: 0, enabled: true },
      { id: 'b', weight: 4, enabled: false },
    ]);
    expect(shares.get('a')).toBe(0);
    expect(shares.get('b')).toBe(0);
  });

  it('counts a half-typed (NaN) or negative weight as 0', () => {
    const shares = transferShares([
      { id: 'a', weight: Number.NaN, enabled: true },
      { id: 'b', weight: -3, enabled: true },
      { id: 'c', weight: 2, enabled: true },
    ]);
    expect(shares.get('a')).toBe(0);
    expect(shares.get('b')).toBe(0);
    expect(shares.get('c')).toBe(1);
  });

  it('answers an empty map for no numbers', () => {
    expect(transferShares([]).size).toBe(0);
  });
});

describe('transferSharesWithDraft', () => {
  const saved = [
    { id: 'a', weight: 1, enabled: true },
    { id: 'b', weight: 1, enabled: true },
  ];

  it('replaces the number being edited by its draft', () => {
    const shares = transferSharesWithDraft(saved, { id: 'b', weight: 3, enabled: true });
    expect(shares.get('a')).toBe(0.25);
    expect(shares.get('b')).toBe(0.75);
  });

  it('adds a new number to the pool', () => {
    const shares = transferSharesWithDraft(saved, { id: 'new', weight: 2, enabled: true });
    expect(shares.get('new')).toBe(0.5);
    expect(shares.get('a')).toBe(0.25);
  });
});

describe('formatShare', () => {
  it('shows a percent with at most one decimal', () => {
    expect(formatShare(0.5)).toBe('50%');
    expect(formatShare(1 / 3)).toBe('33.3%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(1)).toBe('100%');
  });

  it('never rounds a real share down to 0%', () => {
    expect(formatShare(0.0004)).toBe('<0.1%');
  });
});
