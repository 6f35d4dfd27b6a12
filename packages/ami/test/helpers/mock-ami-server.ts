import { createHash } from 'node:crypto';
import net, { type AddressInfo, type Server, type Socket } from 'node:net';
import tls from 'node:tls';
import { AmiParser, type AmiMessage } from '../../src/index.js';

export type Reply = string | string[] | undefined;
/** Answers one action for one session; return the raw AMI text to send (or nothing). */
export type ActionHandler = (action: AmiMessage, session: MockSession) => Reply | Promise<Reply>;

export interface MockSession {
  socket: Socket;
  loggedIn: boolean;
  /** Raw action texts received, in order. */
  received: AmiMessage[];
  send(text: string): void;
}

export interface MockServerOptions {
  username?: string;
  secret?: string;
  /** Delay before "Authentication failed" (real Asterisk: ~1 s). */
  loginFailureDelayMs?: number;
  banner?: string;
  /** Serve AMI over TLS with this key and certificate. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

/** Formats headers as an AMI message. Test helper only: trusts its input. */
export function msg(headers: Record<string, string | number | string[]>): string {
  let out = '';
  for (const [key, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) out += `${key}: ${v}\r\n`;
  }
  return out + '\r\n';
}

export function response(
  action: AmiMessage,
  headers: Record<string, string | number | string[]> = {},
): string {
  const id = action.get('ActionID');
  return msg({ Response: 'Success', ...(id === undefined ? {} : { ActionID: id }), ...headers });
}

export function errorResponse(action: AmiMessage, message: string): string {
  const id = action.get('ActionID');
  return msg({ Response: 'Error', ...(id === undefined ? {} : { ActionID: id }), Message: message });
}

/**
 * A scripted AMI server for client tests: started on port 0, with switches to stall, drop and garble, and
 * per-action handlers. Login follows real Asterisk (captures): Success + FullyBooted, or Error after a delay
 * and then the socket closes.
 */
export class MockAmiServer {
  readonly sessions: MockSession[] = [];
  readonly handlers = new Map<string, ActionHandler>();
  /** When true, actions are read but never answered (a half-open peer). */
  stalled = false;
  connections = 0;
  private server: Server | undefined;
  private readonly options: Required<Omit<MockServerOptions, 'tls'>> & Pick<MockServerOptions, 'tls'>;
  private challenge = '184830509';

  constructor(options: MockServerOptions = {}) {
    this.options = {
      username: 'admin',
      secret: 'amp111',
      loginFailureDelayMs: 50,
      banner: 'Asterisk Call Manager/11.0.0',
      ...options,
    };
    this.handlers.set('ping', (a) => response(a, { Ping: 'Pong', Timestamp: '1795572008.000000' }));
    this.handlers.set('logoff', (a, s) => {
      s.send(msg({ Response: 'Goodbye', ...idOf(a), Message: 'Thanks for all the fish.' }));
      s.socket.end();
      return undefined;
    });
  }

  /** The listening port (kept after stop(), so a test can dial a closed port). */
  port = 0;

  /** Every action received on every session, in order. */
  get actions(): AmiMessage[] {
    return this.sessions.flatMap((s) => s.received);
  }

  on(action: string, handler: ActionHandler): this {
    this.handlers.set(action.toLowerCase(), handler);
    return this;
  }

  async start(port = 0): Promise<this> {
    this.server = this.options.tls
      ? tls.createServer(this.options.tls, (socket) => this.accept(socket))
      : net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Destroys every open connection (the server keeps listening). */
  dropAll(): void {
    for (const s of this.sessions) s.socket.destroy();
  }

  /** Sends raw text to every logged-in session. */
  broadcast(text: string): void {
    for (const s of this.sessions) if (s.loggedIn && !s.socket.destroyed) s.socket.write(text);
  }

  async stop(): Promise<void> {
    this.dropAll();
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private accept(socket: Socket): void {
    this.connections++;
    const parser = new AmiParser({ expectBanner: false });
    const session: MockSession = {
      socket,
      loggedIn: false,
      received: [],
      send: (text) => {
        if (!socket.destroyed) socket.write(text);
      },
    };
    this.sessions.push(session);
    socket.on('error', () => undefined);
    socket.write(`${this.options.banner}\r\n`);
    socket.on('data', (chunk) => {
      for (const action of parser.push(chunk)) {
        session.received.push(action);
        if (!this.stalled) void this.answer(action, session);
      }
    });
  }

  private async answer(action: AmiMessage, session: MockSession): Promise<void> {
    const name = action.name.toLowerCase();
    if (name === 'challenge') {
      session.send(response(action, { Challenge: this.challenge }));
      return;
    }
    if (name === 'login') {
      const expectedKey = createHash('md5')
        .update(this.challenge + this.options.secret)
        .digest('hex');
      const ok =
        action.get('Username') === this.options.username &&
        (action.get('AuthType')?.toLowerCase() === 'md5'
          ? action.get('Key') === expectedKey
          : action.get('Secret') === this.options.secret);
      if (!ok) {
        await new Promise((resolve) => setTimeout(resolve, this.options.loginFailureDelayMs));
        session.send(errorResponse(action, 'Authentication failed'));
        session.socket.end();
        return;
      }
      session.loggedIn = true;
      // Real Asterisk sends FullyBooted in the same write as the login response.
      session.send(
        response(action, { Message: 'Authentication accepted' }) +
          (action.get('Events')?.toLowerCase() === 'off'
            ? ''
            : msg({
                Event: 'FullyBooted',
                Privilege: 'system,all',
                Uptime: 10,
                LastReload: 10,
                Status: 'Fully Booted',
              })),
      );
      return;
    }
    if (!session.loggedIn) {
      session.send(errorResponse(action, 'Permission denied'));
      return;
    }
    const handler = this.handlers.get(name);
    if (!handler) {
      session.send(
        errorResponse(
          action,
          `Invalid/unknown command: ${action.name}. Use Action: ListCommands to show available commands.`,
        ),
      );
      return;
    }
    const reply = await handler(action, session);
    if (reply !== undefined) session.send(Array.isArray(reply) ? reply.join('') : reply);
  }
}

function idOf(action: AmiMessage): Record<string, string> {
  const id = action.get('ActionID');
  return id === undefined ? {} : { ActionID: id };
}
