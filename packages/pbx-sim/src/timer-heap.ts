/** A pending simulated timer. `fn` is cleared when it fires or is cancelled. */
export interface SimTimer {
  /** Nominal simulated due time (ms). */
  readonly due: number;
  /** Creation order, to break ties between equal due times. */
  readonly seq: number;
  /** Earliest real time (performance.now()) it may fire: its delay divided by the speed. */
  readonly realAt: number;
  fn: (() => void) | undefined;
}

const before = (a: SimTimer, b: SimTimer): boolean => a.due < b.due || (a.due === b.due && a.seq < b.seq);

/** A binary min-heap of timers by (due, seq). */
export class TimerHeap {
  private readonly items: SimTimer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): SimTimer | undefined {
    return this.items[0];
  }

  clear(): void {
    this.items.length = 0;
  }

  push(t: SimTimer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): SimTimer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && before(a[l]!, a[m]!)) m = l;
      if (r < a.length && before(a[r]!, a[m]!)) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
    return top;
  }
}
