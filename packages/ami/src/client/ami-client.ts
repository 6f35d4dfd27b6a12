import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildOriginateAction, type OriginateParams, type OriginateResult } from '../actions/originate.js';
import { AmiError, AmiErrorCode } from '../errors.js';
import type { AmiEventMap, AmiEventName, OriginateResponseEvent } from '../events/ami-event.js';
import { buildEvent } from '../events/build-event.js';
import { EventShapeCache } from '../events/event-shapes.js';
import type { AmiMessage } from '../protocol/ami-message.js';
import { AmiParser } from '../protocol/ami-parser.js';
import { serializeAction, type AmiAction } from '../protocol/ami-serializer.js';
import { ActionTracker, type ActionCallOptions } from './action-tracker.js';
import type { AmiResponse } from './ami-response.js';
import { backoffDelay } from './backoff.js';
import { MetricsRecorder, type AmiClientMetrics } from './client-metrics.js';
import {
  resolveClientOptions,
  type AmiClientOptions,
  type ResolvedAmiClientOptions,
} from './client-options.js';
import {
  EventDispatcher,
  type AmiEventListener,
  type SubscribeOptions,
  type Subscription,
} from './event-dispatcher.js';
import { login } from './login.js';
import { OriginateWaiters } from './originate-waiters.js';
import { openSocket } from './transport.js';

/**
 * `idle` (never connected) -> `connecting` (TCP) -> `authenticating` (banner, Login) -> `ready`; a lost
 * connection goes to `reconnecting` (backoff timer) and back to `connecting`; `closed` after close(), a refused
 * first login, or when reconnection is off or exhausted.
 */
export type AmiClientState = 'idle' | 'connecting' | 'authenticating' | 'ready' | 'reconnecting' | 'closed';

export interface AmiClientEvents {
  state: [state: AmiClientState, previous: AmiClientState];
  /** Logged in (every time, including after a reconnect). */
  ready: [];
  /** Logged in again after a lost connection: events were missed meanwhile, so consumers should resync. */
  reconnected: [];
  /** The connection closed; pending actions have been rejected. */
  disconnected: [error: Error | undefined];
  /** Connection and listener errors. Emitted only when someone listens (never an unhandled 'error' throw). */
  error: [error: Error];
  /** A subscriber's buffer overflowed; `dropped` is its running total. */
  overflow: [subscription: Subscription, dropped: number];
}

/**
 * A persistent Asterisk Manager Interface client: login (plain or MD5), promise-based actions correlated by
 * ActionID, event lists, typed events with bounded per-subscriber buffers, keepalive and auto-reconnect.
 */
export class AmiClient extends EventEmitter<AmiClientEvents> {
  readonly options: ResolvedAmiClientOptions;
  private current: AmiClientState = 'idle';
  private socket: Socket | undefined;
  private parser: AmiParser;
  private generation = 0;
  private lostGeneration = 0;
  private attempts = 0;
  private everReady = false;
  private closing = false;
  private bannerText: string | undefined;
  private bannerWaiter: { resolve: (banner: string) => void; reject: (error: Error) => void } | undefined;
  private connecting: AbortController | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private pingInFlight = false;
  private connectWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly recorder = new MetricsRecorder();
  private readonly tracker: ActionTracker;
  private readonly dispatcher: EventDispatcher;
  private readonly originates = new OriginateWaiters();
  private readonly shapes = new EventShapeCache();

  constructor(options: AmiClientOptions) {
    super();
    this.options = resolveClientOptions(options);
    this.parser = this.newParser();
    this.tracker = new ActionTracker(this.options.actionIdPrefix, this.recorder);
    this.dispatcher = new EventDispatcher(
      {
        now: () => performance.now(),
        onListenerError: (error) => {
          this.recorder.listenerErrors++;
          this.report(error instanceof Error ? error : new Error(String(error)));
        },
        onOverflow: (subscription, dropped) => {
          this.recorder.dispatchDropped++;
          if (this.listenerCount('overflow') > 0) this.emit('overflow', subscription, dropped);
        },
      },
      this.options.subscriberBufferSize,
      (message) => buildEvent(message, this.options.name, this.shapes),
    );
  }

  get state(): AmiClientState {
    return this.current;
  }

  /** The PBX name set as `$server` on events. */
  get name(): string {
    return this.options.name;
  }

  /** The server banner, e.g. `Asterisk Call Manager/11.0.0`, once received. */
  get banner(): string | undefined {
    return this.bannerText;
  }

  get metrics(): AmiClientMetrics {
    const backlog = this.dispatcher.backlog();
    return this.recorder.snapshot({
      pendingActions: this.tracker.pendingCount,
      queuedActions: this.tracker.queuedCount,
      dispatchBacklog: backlog.total,
      dispatchMaxBacklog: backlog.max,
      dispatchLagMs: backlog.lagMs,
    });
  }

  /**
   * Connects and logs in; resolves once ready. Network failures are retried under the reconnect policy (the
   * promise waits); a refused login, `close()`, or exhausted retries reject it.
   */
  connect(): Promise<void> {
    if (this.current === 'ready') return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.connectWaiters.push({ resolve, reject }));
    if (this.current === 'idle' || this.current === 'closed') {
      this.closing = false;
      this.attempts = 0;
      void this.openConnection();
    }
    return done;
  }

  /**
   * Sends an action and resolves with its response (for event lists: with every item and the Complete event).
   * Rejects with `AMI_ERR_ACTION_FAILED` (Asterisk's `Message` kept), `AMI_ERR_TIMEOUT`,
   * `AMI_ERR_DISCONNECTED`, `AMI_ERR_NOT_READY`, `AMI_ERR_QUEUE_FULL` or `AMI_ERR_INVALID_VALUE`.
   */
  action(action: AmiAction, options: ActionCallOptions = {}): Promise<AmiResponse> {
    let withId: AmiAction & { ActionID: string };
    let payload: string;
    try {
      withId = this.tracker.withActionId(action);
      payload = serializeAction(withId);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const timeout = options.timeout ?? this.options.actionTimeout;
    if (this.current === 'ready' && this.socket) {
      const response = this.tracker.track(withId, payload, timeout, false);
      this.write(withId.ActionID, payload);
      return response;
    }
    const refuse = (code: AmiErrorCode, why: string): Promise<never> =>
      Promise.reject(
        new AmiError(code, `${withId.Action}: ${why}`, {
          action: withId.Action,
          actionId: withId.ActionID,
          sent: false,
        }),
      );
    if (this.current === 'closed') return refuse(AmiErrorCode.NotReady, 'the client is closed');
    if (withId.Action.toLowerCase() === 'originate') {
      return refuse(
        AmiErrorCode.NotReady,
        `not sent: the client is ${this.current} (an Originate never waits)`,
      );
    }
    if (this.tracker.queuedCount >= this.options.offlineQueueSize) {
      return this.options.offlineQueueSize === 0
        ? refuse(AmiErrorCode.NotReady, `not sent: the client is ${this.current}`)
        : refuse(AmiErrorCode.QueueFull, `the offline queue is full (${this.options.offlineQueueSize})`);
    }
    return this.tracker.track(withId, payload, timeout, true);
  }

  /** Runs a CLI command and resolves with its output lines. */
  async command(command: string, options?: ActionCallOptions): Promise<string[]> {
    const response = await this.action({ Action: 'Command', Command: command }, options);
    return response.getAll('Output');
  }

  /**
   * Places a call with `Async: true` and pre-set `ChannelId`/`OtherChannelId`, and resolves with the
   * `OriginateResponse` outcome. Never queued and never resent: when not ready it fails at once.
   */
  async originate(params: OriginateParams): Promise<OriginateResult> {
    const { action, channelId, otherChannelId } = buildOriginateAction(params);
    if (this.current !== 'ready') {
      throw new AmiError(AmiErrorCode.NotReady, `Originate: not sent: the client is ${this.current}`, {
        action: 'Originate',
        sent: false,
      });
    }
    const withId = this.tracker.withActionId(action);
    const waitMs = (params.timeout ?? 30_000) + this.options.originateGrace;
    const outcome = this.originates.wait({ actionId: withId.ActionID, channelId, otherChannelId }, waitMs);
    try {
      await this.action(withId);
    } catch (error) {
      this.originates.fail(withId.ActionID, error as AmiError);
    }
    return outcome;
  }

  /** Subscribes to events; sync listeners run inline, async ones get a bounded buffer. */
  subscribe(listener: AmiEventListener, options?: SubscribeOptions): Subscription {
    return this.dispatcher.subscribe(listener, options);
  }

  /** Subscribes to one typed event; returns the unsubscribe function. */
  onEvent<K extends AmiEventName>(name: K, listener: AmiEventListener<AmiEventMap[K]>): () => void {
    const subscription = this.dispatcher.subscribe(listener as AmiEventListener, { filter: [name] });
    return () => subscription.close();
  }

  /** Logs off (briefly waiting for Goodbye), closes the socket, clears every timer. Pending actions reject. */
  async close(): Promise<void> {
    this.closing = true;
    this.connecting?.abort();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.stopKeepalive();
    const socket = this.socket;
    if (socket && this.current === 'ready') {
      await this.action({ Action: 'Logoff' }, { timeout: Math.min(1000, this.options.actionTimeout) }).catch(
        () => undefined,
      );
    }
    if (socket && !socket.destroyed) {
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.destroy();
      await closed;
    }
    this.finish(new AmiError(AmiErrorCode.Closed, 'the client was closed'));
  }

  private newParser(): AmiParser {
    return new AmiParser({ maxMessageSize: this.options.maxMessageSize });
  }

  private setState(next: AmiClientState): void {
    const previous = this.current;
    if (previous === next) return;
    this.current = next;
    this.emit('state', next, previous);
  }

  private report(error: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }

  private write(actionId: string, payload: string): void {
    this.tracker.markSent(actionId, performance.now());
    this.socket!.write(payload);
  }

  private sendNow = (action: AmiAction): Promise<AmiResponse> => {
    const withId = this.tracker.withActionId(action);
    const payload = serializeAction(withId);
    const response = this.tracker.track(withId, payload, this.options.connectTimeout, false);
    this.write(withId.ActionID, payload);
    return response;
  };

  private async openConnection(): Promise<void> {
    const generation = ++this.generation;
    this.setState('connecting');
    let socket: Socket;
    const connecting = (this.connecting = new AbortController());
    // A parser per connection, in place before the first read can arrive.
    this.parser = this.newParser();
    this.bannerText = undefined;
    try {
      socket = await openSocket({
        onData: (chunk, from) => {
          if (generation === this.generation) this.receive(chunk, from);
        },
        signal: connecting.signal,
        host: this.options.host,
        port: this.options.port,
        tls: this.options.tls,
        timeout: this.options.connectTimeout,
        tcpKeepAlive: this.options.keepalive ? this.options.keepalive.interval : 0,
      });
    } catch (error) {
      this.connectionLost(generation, error as Error, false);
      return;
    } finally {
      if (this.connecting === connecting) this.connecting = undefined;
    }
    if (generation !== this.generation || this.closing) {
      socket.destroy();
      return;
    }
    this.attach(socket, generation);
    this.setState('authenticating');
    const deadline = setTimeout(
      () => socket.destroy(new AmiError(AmiErrorCode.ConnectFailed, 'no banner and login in time')),
      this.options.connectTimeout,
    );
    try {
      await this.waitBanner();
      await login(this.sendNow, this.options);
    } catch (error) {
      const loginRefused = (error as AmiError).code === AmiErrorCode.LoginFailed;
      if (loginRefused) this.recorder.loginFailures++;
      this.connectionLost(generation, error as Error, loginRefused);
      socket.destroy();
      return;
    } finally {
      clearTimeout(deadline);
    }
    if (generation !== this.generation) return;
    this.becomeReady();
  }

  private receive(chunk: Buffer, socket: Socket): void {
    this.recorder.bytesReceived += chunk.length;
    let messages: AmiMessage[];
    try {
      messages = this.parser.push(chunk);
    } catch (error) {
      socket.destroy(error as Error);
      return;
    }
    this.handleMessages(messages);
  }

  private attach(socket: Socket, generation: number): void {
    this.socket = socket;
    let lastError: Error | undefined;
    socket.on('error', (error) => {
      lastError = error;
    });
    socket.on('close', () => {
      this.connectionLost(
        generation,
        lastError ?? new AmiError(AmiErrorCode.Disconnected, 'the AMI connection closed'),
        false,
      );
    });
  }

  private waitBanner(): Promise<string> {
    if (this.bannerText !== undefined) return Promise.resolve(this.bannerText);
    return new Promise<string>((resolve, reject) => (this.bannerWaiter = { resolve, reject }));
  }

  private handleMessages(messages: AmiMessage[]): void {
    const now = performance.now();
    this.recorder.messagesReceived += messages.length;
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i]!;
      if (message.type === 'event') {
        this.recorder.eventsReceived++;
        this.handleEvent(message, now);
      } else if (message.type === 'response') {
        this.recorder.responsesReceived++;
        this.tracker.onResponse(message, now);
      } else if (message.type === 'banner') {
        this.bannerText = message.name;
        this.bannerWaiter?.resolve(message.name);
        this.bannerWaiter = undefined;
      }
    }
  }

  private handleEvent(message: AmiMessage, now: number): void {
    const name = message.name;
    if (this.tracker.listsPending > 0) {
      const actionId = message.get('ActionID');
      if (actionId !== undefined && this.tracker.onListEvent(message, actionId, now)) return;
    }
    if (name === 'OriginateResponse' && this.originates.size > 0) {
      const event = buildEvent(message, this.options.name, this.shapes);
      this.originates.onEvent(event as unknown as OriginateResponseEvent);
      this.dispatcher.dispatch(name, message, event);
      return;
    }
    this.dispatcher.dispatch(name, message);
  }

  private becomeReady(): void {
    this.attempts = 0;
    this.recorder.connects++;
    const reconnected = this.everReady;
    this.everReady = true;
    this.setState('ready');
    this.startKeepalive();
    for (const { id, payload } of this.tracker.drainQueue()) this.write(id, payload);
    const waiters = this.connectWaiters;
    this.connectWaiters = [];
    for (const waiter of waiters) waiter.resolve();
    this.emit('ready');
    if (reconnected) {
      this.recorder.reconnects++;
      this.emit('reconnected');
    }
  }

  private connectionLost(generation: number, error: Error, loginRefused: boolean): void {
    if (generation !== this.generation || this.lostGeneration === generation) return;
    this.lostGeneration = generation;
    this.stopKeepalive();
    this.socket = undefined;
    this.bannerWaiter?.reject(error);
    this.bannerWaiter = undefined;
    this.tracker.rejectAll(AmiErrorCode.Disconnected, 'the connection closed before the response', false);
    this.originates.rejectAll(AmiErrorCode.Disconnected, 'the connection closed');
    if (this.current === 'ready') this.emit('disconnected', error);
    if (this.closing) return;
    const policy = this.options.reconnect;
    const fatal = loginRefused && !this.everReady;
    if (fatal || !policy || this.attempts >= policy.maxAttempts) {
      this.finish(error);
      return;
    }
    this.report(error);
    this.setState('reconnecting');
    const delay = backoffDelay(this.attempts++, policy, this.options.random);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.openConnection();
    }, delay);
  }

  /** Terminal: rejects whatever still waits and settles in `closed`. */
  private finish(error: Error): void {
    this.generation++;
    this.tracker.rejectAll(
      error instanceof AmiError && error.code === AmiErrorCode.Closed
        ? AmiErrorCode.Closed
        : AmiErrorCode.NotReady,
      `the client is closed (${error.message})`,
      true,
    );
    this.originates.rejectAll(AmiErrorCode.Closed, 'the client is closed');
    const waiters = this.connectWaiters;
    this.connectWaiters = [];
    for (const waiter of waiters) waiter.reject(error);
    this.setState('closed');
  }

  private startKeepalive(): void {
    const keepalive = this.options.keepalive;
    if (!keepalive) return;
    this.keepaliveTimer = setInterval(() => {
      if (this.current !== 'ready' || this.pingInFlight) return;
      this.pingInFlight = true;
      const socket = this.socket;
      void this.action({ Action: 'Ping' }, { timeout: keepalive.timeout })
        .catch((error: AmiError) => {
          if (error.code !== AmiErrorCode.Timeout || socket !== this.socket) return;
          this.recorder.keepaliveFailures++;
          socket?.destroy(
            new AmiError(AmiErrorCode.KeepaliveTimeout, `no Ping response within ${keepalive.timeout} ms`),
          );
        })
        .finally(() => (this.pingInFlight = false));
    }, keepalive.interval);
    this.keepaliveTimer.unref();
  }

  private stopKeepalive(): void {
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = undefined;
    this.pingInFlight = false;
  }
}
