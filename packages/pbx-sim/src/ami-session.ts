import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { AmiParser, type AmiMessage } from '@switchboard/ami';
import { formatMessage, type SimEvent } from './ami-wire.js';
import { parseClasses, parseEventMask } from './privileges.js';
import type { PbxSimulator } from './pbx-simulator.js';

export const BANNER = 'Asterisk Call Manager/11.0.0\r\n';

/** One manager connection: login state, permissions, event mask and filters, output (held during sync calls). */
export class AmiSession {
  user: string | undefined;
  read = new Set<string>();
  write = new Set<string>();
  eventMask = new Set<string>();
  readonly includeFilters: RegExp[] = [];
  readonly excludeFilters: RegExp[] = [];
  challenge: string | undefined;
  readonly sessionId: string;
  readonly startedAt: number;
  /** The descriptor `manager show connected` lists (the simulator numbers sessions as a kernel would). */
  fd = 0;
  private readonly parser = new AmiParser({ expectBanner: false });
  /** A synchronous Originate blocks the session: actions queue, events wait behind the response. */
  private blocked = false;
  private readonly queuedActions: AmiMessage[] = [];
  private readonly heldEvents: string[] = [];
  closing = false;

  constructor(
    readonly socket: Socket,
    private readonly sim: PbxSimulator,
  ) {
    this.sessionId = sim.ids.sessionId();
    this.startedAt = sim.clock.sync();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => socket.destroy());
    this.writeRaw(BANNER);
  }

  get remoteIp(): string {
    return this.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
  }

  get loggedIn(): boolean {
    return this.user !== undefined;
  }

  private onData(chunk: Buffer): void {
    if (this.sim.faults.silent || this.closing) return;
    this.sim.clock.sync();
    let messages: AmiMessage[];
    try {
      messages = this.parser.push(chunk);
    } catch {
      this.socket.destroy();
      return;
    }
    for (const msg of messages) {
      if (this.blocked) this.queuedActions.push(msg);
      else this.sim.handleAction(this, msg);
    }
  }

  /** Holds everything after the current response until `unblock`. */
  block(): void {
    this.blocked = true;
  }

  unblock(): void {
    this.blocked = false;
    for (const text of this.heldEvents.splice(0)) this.writeRaw(text);
    while (!this.blocked && this.queuedActions.length > 0)
      this.sim.handleAction(this, this.queuedActions.shift()!);
  }

  respond(msg: AmiMessage, response: string, fields: readonly string[] = []): void {
    const actionId = msg.get('ActionID');
    const head =
      actionId === undefined ? ['Response', response] : ['Response', response, 'ActionID', actionId];
    this.sendResponse(formatMessage([...head, ...fields]));
  }

  /** Responses may be delayed by the `delay` fault; they stay in order. */
  sendResponse(text: string): void {
    const delay = this.sim.faults.responseDelayMs;
    if (delay > 0) this.sim.clock.afterReal(delay, () => this.writeRaw(text));
    else this.writeRaw(text);
  }

  /** Delivers an event if this session may and wants to read it. */
  deliver(event: SimEvent): void {
    if (!this.loggedIn || !this.read.has(event.eventClass) || !this.eventMask.has(event.eventClass)) return;
    if (this.includeFilters.length > 0 || this.excludeFilters.length > 0) {
      const text = event.wire;
      if (this.includeFilters.length > 0 && !this.includeFilters.some((re) => re.test(text))) return;
      if (this.excludeFilters.some((re) => re.test(text))) return;
    }
    if (this.blocked) this.heldEvents.push(event.wire);
    else this.writeRaw(event.wire);
  }

  writeRaw(text: string | Buffer): void {
    if (this.sim.faults.silent || this.socket.destroyed || !this.socket.writable) return;
    this.socket.write(text);
  }

  /** Checks a plain or MD5 login; sets the session's permissions on success. */
  authenticate(msg: AmiMessage): boolean {
    const name = msg.get('Username') ?? '';
    const user = Object.hasOwn(this.sim.users, name) ? this.sim.users[name] : undefined;
    if (!user) return false;
    let ok: boolean;
    if ((msg.get('AuthType') ?? '').toLowerCase() === 'md5') {
      const expected = createHash('md5')
        .update((this.challenge ?? '') + user.secret)
        .digest('hex');
      ok = this.challenge !== undefined && msg.get('Key')?.toLowerCase() === expected;
    } else {
      ok = msg.get('Secret') === user.secret;
    }
    if (!ok) return false;
    this.user = name;
    this.read = parseClasses(user.read ?? 'all');
    this.write = parseClasses(user.write ?? 'all');
    this.eventMask = parseEventMask(msg.get('Events'));
    return true;
  }

  /** The security-class fields SuccessfulAuth / RequestBadFormat carry. */
  securityFields(): string[] {
    const now = new Date(this.sim.clock.now()).toISOString().replace('Z', '+0000');
    const addr = this.remoteIp;
    return [
      'EventTV',
      now,
      'SessionID',
      this.sessionId,
      'LocalAddress',
      `IPV4/TCP/${this.socket.localAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1'}/${this.socket.localPort ?? 0}`,
      'RemoteAddress',
      `IPV4/TCP/${addr}/${this.socket.remotePort ?? 0}`,
      'SessionTV',
      new Date(this.startedAt).toISOString().replace('Z', '+0000'),
    ];
  }

  close(afterText?: string): void {
    this.closing = true;
    if (afterText !== undefined) this.writeRaw(afterText);
    this.socket.end();
  }
}
