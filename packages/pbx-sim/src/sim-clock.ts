/**
 * Simulated time, kept as a discrete-event clock. Every delay of the PBX goes through here, divided by the
 * speed factor, so a test can run a 30 s call in 1.5 s (speed 20) while the call's own clock (Uniqueids, CDR
 * times, durations) still reads 30 s.
 *
 * Time stands still between entry points: a timer firing sets it to that timer's nominal due time, and the
 * outside world arriving (a client's action, a real-time protocol delay, a flood tick) moves it up to real time
 * times the speed, through `sync()`. So a call flow lasts exactly its nominal durations whatever the real
 * processing costs: Answer, 1.40 s and 2.95 s of Playback, then Hangup is 4.85 s as in Asterisk (Billsec 4),
 * where a free-running clock multiplied timer lateness and the WAV write by the speed (Billsec 5). It never
 * goes backwards. All pending timers are tracked so `stop()` leaves no handle behind.
 */
export class SimClock {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly realStart = performance.now();
  private current: number;

  constructor(
    readonly speed: number,
    /** Simulated epoch time (ms) at construction. */
    private readonly startMs: number,
  ) {
    if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
    this.current = startMs;
  }

  /** Simulated wall-clock time in ms (stands still until the next timer or `sync()`). */
  now(): number {
    return this.current;
  }

  /** Moves the clock up to real time times the speed: call it where the outside world enters. */
  sync(): number {
    const real = this.startMs + (performance.now() - this.realStart) * this.speed;
    if (real > this.current) this.current = real;
    return this.current;
  }

  /** Runs `fn` after `simMs` of simulated time. */
  after(simMs: number, fn: () => void): NodeJS.Timeout {
    const due = this.current + Math.max(0, simMs);
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (due > this.current) this.current = due;
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
      this.sync();
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
