/** What a share is computed from: a transfer number's weight and whether it is in the pick at all. */
export interface WeightedNumber {
  id: string;
  weight: number;
  enabled: boolean;
}

/**
 * Each number's share of transfers: its weight over the sum of the enabled numbers' weights (0 to 1).
 * A disabled number, a weight of 0, or a pool whose weights sum to 0 gets 0. Weights that are not finite
 * or negative count as 0, so a half-typed weight never yields NaN.
 */
export function transferShares(numbers: readonly WeightedNumber[]): Map<string, number> {
  const weightOf = (n: WeightedNumber) =>
    n.enabled && Number.isFinite(n.weight) && n.weight > 0 ? n.weight : 0;
  const total = numbers.reduce((sum, n) => sum + weightOf(n), 0);
  return new Map(numbers.map((n) => [n.id, total === 0 ? 0 : weightOf(n) / total]));
}

/** The shares with one number replaced by (or, when new, added as) a draft being edited. */
export function transferSharesWithDraft(
  numbers: readonly WeightedNumber[],
  draft: WeightedNumber,
): Map<string, number> {
  const others = numbers.filter((n) => n.id !== draft.id);
  return transferShares([...others, draft]);
}

/** A share as a percent for people: `50%`, `33.3%`, `0%`; a share under 0.1% but above 0 reads `<0.1%`. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.001) return '<0.1%';
  const percent = Math.round(share * 1000) / 10;
  return `${percent}%`;
}
