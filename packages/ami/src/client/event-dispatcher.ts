import type { AmiEventBase, GenericAmiEvent } from '../events/ami-event.js';
import type { AmiMessage } from '../protocol/ami-message.js';

/** A subscriber: may return a promise, in which case later events wait (in order) until it settles. */
export type AmiEventListener<E extends AmiEventBase = GenericAmiEvent> = (event: E) => void | Promise<void>;

export interface SubscribeOptions {
  /** Only these event names (exact, case-sensitive as Asterisk sends them), or a predicate. Default: all. */
  filter?: readonly string[] | ((event: GenericAmiEvent) => boolean);
  /** Events buffered while the listener is busy; beyond it new events are dropped and reported. */
  maxBuffered?: number;
}

export interface DispatchHooks {
  now(): number;
  onListenerError(error: unknown, subscription: Subscription): void;
  onOverflow(subscription: Subscription, dropped: number): void;
}

/**
 * One subscriber with its own bounded buffer. Synchronous listeners are called inline; an async listener's
 * later events queue here, so the socket reader never waits for it. Overflow drops the newest events and is
 * always reported (counter + the client's `overflow` event), never silent.
 */
export class Subscription {
  /** Events dropped because the buffer was full. */
  dropped = 0;
  /** Events delivered to the listener. */
  delivered = 0;
  private readonly buffer: GenericAmiEvent[] = [];
  private readonly arrivals: number[] = [];
  private head = 0;
  private busy = false;
  private closed = false;
  /** @internal */ readonly names: ReadonlySet<string> | undefined;
  /** @internal */ readonly predicate: ((event: GenericAmiEvent) => boolean) | undefined;

  constructor(
    private readonly listener: AmiEventListener,
    readonly maxBuffered: number,
    filter: SubscribeOptions['filter'],
    private readonly hooks: DispatchHooks,
    private readonly onClose: (subscription: Subscription) => void,
  ) {
    this.names = Array.isArray(filter) ? new Set(filter as readonly string[]) : undefined;
    this.predicate = typeof filter === 'function' ? filter : undefined;
  }

  /** Events waiting for the listener. */
  get lag(): number {
    return this.buffer.length - this.head;
  }

  /** Age in ms of the oldest waiting event (0 when none wait). */
  get lagMs(): number {
    return this.lag === 0 ? 0 : this.hooks.now() - this.arrivals[this.head]!;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  deliver(event: GenericAmiEvent): void {
    if (!this.busy && this.lag === 0) {
      this.call(event);
      return;
    }
    if (this.lag >= this.maxBuffered) {
      this.dropped++;
      this.hooks.onOverflow(this, this.dropped);
      return;
    }
    this.buffer.push(event);
    this.arrivals.push(this.hooks.now());
  }

  /** Stops delivery and drops anything buffered. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer.length = 0;
    this.arrivals.length = 0;
    this.head = 0;
    this.onClose(this);
  }

  private call(event: GenericAmiEvent): void {
    this.delivered++;
    let result: void | Promise<void>;
    try {
      result = this.listener(event);
    } catch (error) {
      this.hooks.onListenerError(error, this);
      return;
    }
    if (result !== undefined && typeof result.then === 'function') {
      this.busy = true;
      result.then(
        () => this.resume(),
        (error: unknown) => {
          this.hooks.onListenerError(error, this);
          this.resume();
        },
      );
    }
  }

  private resume(): void {
    this.busy = false;
    while (!this.busy && !this.closed && this.lag > 0) {
      const event = this.buffer[this.head]!;
      this.head++;
      if (this.head === this.buffer.length) {
        this.buffer.length = 0;
        this.arrivals.length = 0;
        this.head = 0;
      } else if (this.head > 1024 && this.head * 2 > this.buffer.length) {
        this.buffer.splice(0, this.head);
        this.arrivals.splice(0, this.head);
        this.head = 0;
      }
      this.call(event);
    }
  }
}

/** Fans events out to subscriptions; builds each event object once, and only if someone wants it. */
export class EventDispatcher {
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly hooks: DispatchHooks,
    private readonly defaultMaxBuffered: number,
    private readonly build: (message: AmiMessage) => GenericAmiEvent,
  ) {}

  get size(): number {
    return this.subscriptions.length;
  }

  subscribe(listener: AmiEventListener, options: SubscribeOptions = {}): Subscription {
    const subscription = new Subscription(
      listener,
      options.maxBuffered ?? this.defaultMaxBuffered,
      options.filter,
      this.hooks,
      (closed) => {
        this.subscriptions = this.subscriptions.filter((s) => s !== closed);
      },
    );
    this.subscriptions = [...this.subscriptions, subscription];
    return subscription;
  }

  /**
   * Delivers one event message to the subscriptions that want it. The event object is built at most once,
   * and only if a subscription wants it; no closure is allocated per event (this is the ingest hot path).
   */
  dispatch(name: string, message: AmiMessage, prebuilt?: GenericAmiEvent): void {
    const subs = this.subscriptions;
    let event = prebuilt;
    for (let i = 0; i < subs.length; i++) {
      const sub = subs[i]!;
      if (sub.isClosed) continue;
      if (sub.names !== undefined) {
        if (!sub.names.has(name)) continue;
      } else if (sub.predicate !== undefined) {
        event ??= this.build(message);
        if (!sub.predicate(event)) continue;
      }
      event ??= this.build(message);
      sub.deliver(event);
    }
  }

  backlog(): { total: number; max: number; lagMs: number } {
    let total = 0;
    let max = 0;
    let lagMs = 0;
    for (const sub of this.subscriptions) {
      const lag = sub.lag;
      total += lag;
      if (lag > max) max = lag;
      const age = sub.lagMs;
      if (age > lagMs) lagMs = age;
    }
    return { total, max, lagMs };
  }

  closeAll(): void {
    for (const sub of [...this.subscriptions]) sub.close();
  }
}
