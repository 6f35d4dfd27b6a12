/**
 * Simulated time. Every delay of the PBX goes through here, divided by the speed factor, so a test can run a
 * 30 s call in 1.5 s (speed 20) while the call's own clock (Uniqueids, CDR times, durations) still reads 30 s.
 * All pending timers are tracked so `stop()` leaves no handle behind.
 */
export class SimClock {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly realStart = performance.now();

  constructor(
    readonly speed: number,
    /** Simulated epoch time (ms) at construction. */
    private readonly startMs: number,
  ) {
    if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
  }

  /** Simulated wall-clock time in ms. */
  now(): number {
    return this.startMs + (performance.now() - this.realStart) * this.speed;
  }

  /** Runs `fn` after `simMs` of simulated time. */
  after(simMs: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        fn();
      },
      Math.max(0, simMs / this.speed),
    );
    this.timers.add(timer);
    return timer;
  }

  /** Like `after`, in real milliseconds (protocol timings a client sees, e.g. the 1 s login-failure delay). */
  afterReal(realMs: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, realMs);
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
