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
 *
 * Timers fire in the order of their nominal due times, never of their real deadlines: a timer created late
 * (its real predecessor fired late on a loaded machine) but due earlier still fires first. One real timer is
 * armed at a time, and promise continuations of a fired timer (the next dialplan step) run before the next.
 */
import { TimerHeap, type SimTimer } from './timer-heap.js';

export type { SimTimer };

/** Microtask turns given to the flow a fired timer resumed before the next timer fires. */
const SETTLE_TURNS = 24;
/** Real ms the run loop may spend before it yields to I/O. */
const RUN_BUDGET_MS = 4;
export class SimClock {
  private readonly heap = new TimerHeap();
  private readonly realTimers = new Set<NodeJS.Timeout>();
  private readonly realStart = performance.now();
  private current: number;
  private seq = 0;
  private live = 0;
  private armed: NodeJS.Timeout | undefined;
  private armedFor: SimTimer | undefined;
  private settling: NodeJS.Immediate | undefined;
  private running = false;
  /** Bumped by cancelAll(): a run loop of an older generation stops. */
  private generation = 0;

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
  after(simMs: number, fn: () => void): SimTimer {
    const delay = Math.max(0, simMs);
    const timer: SimTimer = {
      due: this.current + delay,
      seq: this.seq++,
      realAt: performance.now() + delay / this.speed,
      fn,
    };
    this.heap.push(timer);
    this.live++;
    this.arm();
    return timer;
  }

  /** Like `after`, in real milliseconds (protocol timings a client sees, e.g. the 1 s login-failure delay). */
  afterReal(realMs: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.realTimers.delete(timer);
      this.sync();
      fn();
    }, realMs);
    this.realTimers.add(timer);
    return timer;
  }

  cancel(timer: SimTimer | NodeJS.Timeout | undefined): void {
    if (!timer) return;
    if ('due' in timer) {
      if (timer.fn === undefined) return;
      timer.fn = undefined;
      this.live--;
      if (this.armedFor === timer) this.arm();
      return;
    }
    clearTimeout(timer);
    this.realTimers.delete(timer);
  }

  get pendingTimers(): number {
    return this.live + this.realTimers.size;
  }

  cancelAll(): void {
    for (const timer of this.realTimers) clearTimeout(timer);
    this.realTimers.clear();
    this.heap.clear();
    this.live = 0;
    clearTimeout(this.armed);
    this.armed = this.armedFor = undefined;
    if (this.settling) clearImmediate(this.settling);
    this.settling = undefined;
    this.generation++;
    this.running = false;
  }

  /** The earliest-due timer still pending. */
  private top(): SimTimer | undefined {
    while (this.heap.size > 0 && this.heap.peek()!.fn === undefined) this.heap.pop();
    return this.heap.peek();
  }

  /** Wakes the run loop when the earliest-due timer's real deadline comes (at once if it passed). */
  private arm(): void {
    if (this.running) return; // the run loop re-arms when it yields
    const top = this.top();
    if (top === this.armedFor) return;
    clearTimeout(this.armed);
    if (this.settling) clearImmediate(this.settling);
    this.armed = this.settling = undefined;
    this.armedFor = top;
    if (!top) return;
    const wait = top.realAt - performance.now();
    if (wait <= 0) this.settling = setImmediate(() => void this.run());
    else this.armed = setTimeout(() => void this.run(), wait);
  }

  /**
   * Fires every timer whose real deadline passed, earliest nominal due time first. After each, a few microtask
   * turns let the promise chain it resumed (the next dialplan step) schedule its next timer, so a step due
   * before an already pending timer still fires first. Yields to I/O after a few milliseconds.
   */
  private async run(): Promise<void> {
    this.armed = this.settling = this.armedFor = undefined;
    const generation = this.generation;
    this.running = true;
    const until = performance.now() + RUN_BUDGET_MS;
    try {
      for (;;) {
        const top = this.top();
        if (!top || top.realAt > performance.now() + 1 || performance.now() > until) break;
        this.heap.pop();
        const fn = top.fn!;
        top.fn = undefined;
        this.live--;
        if (top.due > this.current) this.current = top.due;
        fn();
        for (let i = 0; i < SETTLE_TURNS; i++) await Promise.resolve();
        if (generation !== this.generation) return;
      }
    } finally {
      this.running = false;
    }
    this.arm();
  }
}
