/** Picks one item with probability weight / total weight; items of weight 0 are never picked. */
export function weightedPick<T extends { weight: number }>(items: T[], random: () => number): T | undefined {
  const total = items.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
  if (total <= 0) return undefined;
  let point = random() * total;
  for (const item of items) {
    if (item.weight <= 0) continue;
    if (point < item.weight) return item;
    point -= item.weight;
  }
  // Floating-point leftovers land on the last item with weight.
  return items.findLast((item) => item.weight > 0);
}
