import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AmiMessage } from '@switchboard/ami';
import { dispatchAction } from './action-handlers.js';
import { AmiSession } from './ami-session.js';
import { makeEvent, type SimEvent } from './ami-wire.js';
import { CallEngine } from './call-engine.js';
import { IdSource } from './id-source.js';
import { LocalCall } from './local-call.js';
import type { OriginateRequest } from './originate-request.js';
import {
  defaultPbxSimOptions,
  validateScenario,
  type PbxSimOptions,
  type SimUser,
} from './pbx-sim-options.js';
import { DEFAULT_ROUTES } from './route-table.js';
import { SimClock } from './sim-clock.js';
import { InboundSipCall, type InboundCall, type InboundCallOptions } from './sip-inbound-call.js';
import type { PjsipEndpoint } from './pjsip-registry.js';
import { registerContact, unregisterContact, type RegisterOptions } from './pjsip-registration.js';

const FIRST_SESSION_FD = 14;

export interface FaultState {
  /** Half-open: the socket stays up but nothing is read or written. */
  silent: boolean;
  /** Real-time delay added to every response. */
  responseDelayMs: number;
}

/** A running simulated Asterisk: the AMI server, the call engine and the fault switches. */
export class PbxSimulator {
  readonly options: typeof defaultPbxSimOptions & PbxSimOptions;
  readonly clock: SimClock;
  readonly ids: IdSource;
  engine: CallEngine;
  readonly users: Record<string, SimUser>;
  readonly faults: FaultState = { silent: false, responseDelayMs: 0 };
  lastReload: number;
  private server: Server | undefined;
  private readonly sessions = new Set<AmiSession>();
  private readonly sockets = new Set<Socket>();
  private boundPort = 0;
  private floodTimer: NodeJS.Timeout | undefined;

  constructor(options: PbxSimOptions = {}) {
    this.options = { ...defaultPbxSimOptions, ...options };
    this.users = this.options.users;
    this.clock = new SimClock(this.options.speed, options.startTime ?? Date.now());
    this.ids = new IdSource(options.seed ?? randomBytes(4).readUInt32LE(0), options.firstLocalSuffix);
    this.engine = this.createEngine();
    this.lastReload = this.engine.startedAt;
  }

  /** Builds options from a scenario JSON file merged over `options`. */
  static fromScenarioFile(file: string, options: PbxSimOptions = {}): PbxSimulator {
    const scenario = validateScenario(JSON.parse(readFileSync(file, 'utf8')));
    return new PbxSimulator({ ...options, ...scenario });
  }

  private createEngine(): CallEngine {
    const o = this.options;
    return new CallEngine(
      this.clock,
      this.ids,
      {
        routes: [...(o.routes ?? []), ...DEFAULT_ROUTES],
        extensions: o.extensions ?? {},
        contexts: o.contexts,
        endpoints: o.endpoints,
        monitorDir: o.monitorDir,
        soundsDir: o.soundsDir,
        queues: o.queues,
      },
      (event) => this.broadcast(event),
    );
  }

  get port(): number {
    return this.boundPort;
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  async start(): Promise<this> {
    await this.listen(this.options.port);
    for (const call of this.options.inboundCalls ?? []) {
      this.clock.after(call.atMs ?? 0, () => this.inboundCall(call));
    }
    return this;
  }

  private listen(port: number): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host, () => {
        server.off('error', reject);
        const addr = server.address();
        this.boundPort = typeof addr === 'object' && addr ? addr.port : port;
        resolve();
      });
    });
  }

  /** Live manager sessions, oldest first (`manager show connected`). */
  get managerSessions(): AmiSession[] {
    return [...this.sessions];
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const session = new AmiSession(socket, this);
    // The lowest free descriptor, as a kernel hands them out (14 for the first session in the captures).
    const used = new Set([...this.sessions].map((s) => s.fd));
    for (session.fd = FIRST_SESSION_FD; used.has(session.fd); session.fd++);
    this.sessions.add(session);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.sessions.delete(session);
    });
  }

  handleAction(session: AmiSession, msg: AmiMessage): void {
    dispatchAction(this, session, msg);
  }

  broadcast(event: SimEvent): void {
    if (this.faults.silent) return;
    for (const session of this.sessions) session.deliver(event);
  }

  reload(module = 'All'): void {
    this.lastReload = this.clock.now();
    this.broadcast(makeEvent('Reload', 'system', ['Module', module, 'Status', '0']));
  }

  // ---- SIP peers ----------------------------------------------------------------------------------------

  private endpoint(name: string): PjsipEndpoint {
    const ep = this.engine.pjsip.get(name);
    if (!ep) throw new Error(`no PJSIP endpoint ${name}`);
    return ep;
  }

  /** A phone REGISTERs as `endpoint` (digest-challenged if it has auth): it gets a contact, calls reach it. */
  registerContact(endpoint: string, options: RegisterOptions = {}): void {
    this.clock.sync();
    registerContact(this.engine, this.endpoint(endpoint), options);
  }

  /** The phone un-REGISTERs: its contact is removed. */
  unregisterContact(endpoint: string, options: { callId?: string } = {}): void {
    this.clock.sync();
    unregisterContact(this.engine, this.endpoint(endpoint), options);
  }

  /**
   * A call arrives from a SIP peer: `from` (an endpoint, default `sipp`) INVITEs `to` (default `service`) in the
   * endpoint's context. Answers the live call, or undefined when the extension does not exist (Asterisk
   * answers the INVITE 404 and creates no channel).
   */
  inboundCall(options: InboundCallOptions = {}): InboundCall | undefined {
    this.clock.sync();
    const from = options.from ?? 'sipp';
    const ep = this.endpoint(from);
    const to = options.to ?? 'service';
    const steps = this.engine.lookup(ep.context, to);
    if (!steps) return undefined;
    const call = new InboundSipCall(this.engine, from, ep.context, to, options);
    call.start(steps, options.hangupAfterMs);
    return call.handle();
  }

  // ---- faults -------------------------------------------------------------------------------------------

  /** Closes every connection at once (the PBX vanished from the network). */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Half-open: connections stay established, but the PBX neither reads nor writes anything. */
  setSilent(silent: boolean): void {
    this.faults.silent = silent;
  }

  /** Delays every response by `ms` of real time (0 turns it off). */
  setResponseDelay(ms: number): void {
    this.faults.responseDelayMs = Math.max(0, ms);
  }

  /** Writes bytes that are not AMI to every connection. */
  sendGarbage(
    bytes: Buffer = Buffer.from('\u0000\u00ff\r\ngarbage: \u0001\u0002\r\nnot ami at all\r\n\r\n', 'latin1'),
  ): void {
    for (const session of this.sessions) session.writeRaw(bytes);
  }

  /**
   * `core restart now`: `Event: Shutdown` (Restart: True) to every session, connections closed, calls gone
   * without events, the port closed for `downtimeMs`, then a fresh PBX whose Uniqueids continue.
   */
  async restart(downtimeMs = 200): Promise<void> {
    this.broadcast(makeEvent('Shutdown', 'system', ['Shutdown', 'Cleanly', 'Restart', 'True']));
    for (const session of this.sessions) session.close();
    this.stopFlood();
    this.clock.cancelAll();
    for (const ch of this.engine.channels.values()) ch.hungUp = true;
    await this.closeServer();
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, downtimeMs));
    this.clock.sync();
    this.engine = this.createEngine();
    this.lastReload = this.engine.startedAt;
    await this.listen(this.boundPort);
  }

  /**
   * Originates `callsPerSecond` calls to `exten@context` (default `answer@test`, the full answered-call
   * sequence) until `stopFlood()`; their OriginateResponse events carry ActionID `flood-<n>`.
   */
  flood(callsPerSecond: number, exten = 'answer', context = 'test'): void {
    this.stopFlood();
    const steps = this.engine.lookup(context, exten);
    if (!steps) throw new Error(`flood: no extension ${exten}@${context}`);
    const tickMs = 10;
    let due = 0;
    let n = 0;
    const started = performance.now();
    const tick = (): void => {
      this.clock.sync();
      const target = Math.floor(((performance.now() - started) / 1000) * callsPerSecond);
      for (due = target - n; due > 0; due--) this.floodCall(exten, context, n++);
      this.floodTimer = setTimeout(tick, tickMs);
    };
    this.floodTimer = setTimeout(tick, 0);
  }

  stopFlood(): void {
    clearTimeout(this.floodTimer);
    this.floodTimer = undefined;
  }

  private floodCall(exten: string, context: string, n: number): void {
    const steps = this.engine.lookup(context, exten)!;
    const req: OriginateRequest = {
      actionId: `flood-${n}`,
      channel: `Local/${exten}@${context}`,
      context,
      exten: 'long',
      priority: 1,
      application: undefined,
      data: '',
      callerIdNum: '15550000000',
      callerIdName: 'Flood',
      variables: [],
      timeoutMs: 30_000,
      channelId: undefined,
      otherChannelId: undefined,
      async: true,
      settle: (success, reason, ch) =>
        this.broadcast(
          makeEvent('OriginateResponse', 'call', [
            ...['ActionID', `flood-${n}`, 'Response', success ? 'Success' : 'Failure'],
            ...[
              'Channel',
              ch?.name ?? req.channel,
              'Context',
              context,
              'Exten',
              'long',
              'Reason',
              String(reason),
            ],
            ...[
              'Uniqueid',
              ch?.uniqueid ?? '<unknown>',
              'CallerIDNum',
              '15550000000',
              'CallerIDName',
              'Flood',
            ],
          ]),
        ),
    };
    new LocalCall(this.engine, req, exten, context, steps).start();
  }

  private closeServer(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  /** Stops everything: connections, calls, timers. Leaves no handle behind. */
  async stop(): Promise<void> {
    this.stopFlood();
    this.clock.cancelAll();
    for (const ch of this.engine.channels.values()) ch.hungUp = true;
    const closing = this.closeServer();
    for (const socket of this.sockets) socket.destroy();
    await closing;
  }
}
