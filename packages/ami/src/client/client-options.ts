import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';

export interface ReconnectOptions {
  /** First delay after a lost connection, in ms. Default 250. */
  initialDelay?: number;
  /** Cap on the delay, in ms. Default 30000. */
  maxDelay?: number;
  /** Growth per failed attempt. Default 2. */
  factor?: number;
  /** Random spread as a fraction of the delay (0.2 = ±20%), so many clients do not reconnect in step. Default 0.2. */
  jitter?: number;
  /** Give up (state `closed`) after this many consecutive failed attempts. Default Infinity. */
  maxAttempts?: number;
}

export interface KeepaliveOptions {
  /** Send a Ping every `interval` ms while ready. Default 15000. */
  interval?: number;
  /** A Ping unanswered after `timeout` ms means a half-open connection: it is dropped. Default 5000. */
  timeout?: number;
}

export interface AmiClientOptions {
  /** Asterisk host. Default `127.0.0.1`. */
  host?: string;
  /** AMI port. Default 5038. */
  port?: number;
  /** manager.conf user. Required. */
  username: string;
  /** manager.conf secret. Required. */
  secret: string;
  /** `plain` sends the secret; `md5` answers a Challenge with md5(challenge + secret). Default `plain`. */
  authType?: 'plain' | 'md5';
  /** Name of this PBX, set as `$server` on every event. Default `host:port`. */
  name?: string;
  /** `true` or TLS options to connect with TLS. Default off. */
  tls?: boolean | TlsConnectionOptions;
  /**
   * Login `Events` value: `'on'`, `'off'`, or a list of event classes (`['call', 'cdr']`). Default `'on'`.
   */
  events?: 'on' | 'off' | readonly string[];
  /** Time allowed for TCP connect + banner + login, in ms. Default 10000. */
  connectTimeout?: number;
  /** Default time an action waits for its response, in ms. Default 10000. */
  actionTimeout?: number;
  /** Time allowed for an Originate's `OriginateResponse` beyond its own `Timeout`, in ms. Default 30000. */
  originateGrace?: number;
  /** Keepalive Ping; `false` disables it. */
  keepalive?: KeepaliveOptions | false;
  /** Automatic reconnection; `false` makes any lost connection final. */
  reconnect?: ReconnectOptions | false;
  /**
   * Actions called while not ready wait here, up to this many, and are sent once logged in. Originate never
   * waits (it fails with `AMI_ERR_NOT_READY`). 0 rejects every action while not ready. Default 100.
   */
  offlineQueueSize?: number;
  /** Largest incoming message, in bytes. Default 4 MiB. */
  maxMessageSize?: number;
  /** Default bound on the events buffered for one slow subscriber. Default 10000. */
  subscriberBufferSize?: number;
  /** Prefix of generated ActionIDs (followed by a counter). Default `sb-<random>-`. */
  actionIdPrefix?: string;
  /** Source of randomness for reconnect jitter (tests). Default `Math.random`. */
  random?: () => number;
}

export interface ResolvedAmiClientOptions extends Required<
  Omit<AmiClientOptions, 'tls' | 'keepalive' | 'reconnect'>
> {
  tls: false | TlsConnectionOptions;
  keepalive: Required<KeepaliveOptions> | false;
  reconnect: Required<ReconnectOptions> | false;
}

export const defaultReconnectOptions: Required<ReconnectOptions> = {
  initialDelay: 250,
  maxDelay: 30_000,
  factor: 2,
  jitter: 0.2,
  maxAttempts: Infinity,
};

export const defaultKeepaliveOptions: Required<KeepaliveOptions> = {
  interval: 15_000,
  timeout: 5_000,
};

export const defaultClientOptions = {
  host: '127.0.0.1',
  port: 5038,
  authType: 'plain',
  tls: false,
  events: 'on',
  connectTimeout: 10_000,
  actionTimeout: 10_000,
  originateGrace: 30_000,
  offlineQueueSize: 100,
  maxMessageSize: 4 * 1024 * 1024,
  subscriberBufferSize: 10_000,
} as const;

export function resolveClientOptions(options: AmiClientOptions): ResolvedAmiClientOptions {
  const host = options.host ?? defaultClientOptions.host;
  const port = options.port ?? defaultClientOptions.port;
  return {
    host,
    port,
    username: options.username,
    secret: options.secret,
    authType: options.authType ?? defaultClientOptions.authType,
    name: options.name ?? `${host}:${port}`,
    tls: options.tls === true ? {} : options.tls || false,
    events: options.events ?? defaultClientOptions.events,
    connectTimeout: options.connectTimeout ?? defaultClientOptions.connectTimeout,
    actionTimeout: options.actionTimeout ?? defaultClientOptions.actionTimeout,
    originateGrace: options.originateGrace ?? defaultClientOptions.originateGrace,
    keepalive: options.keepalive === false ? false : { ...defaultKeepaliveOptions, ...options.keepalive },
    reconnect: options.reconnect === false ? false : { ...defaultReconnectOptions, ...options.reconnect },
    offlineQueueSize: options.offlineQueueSize ?? defaultClientOptions.offlineQueueSize,
    maxMessageSize: options.maxMessageSize ?? defaultClientOptions.maxMessageSize,
    subscriberBufferSize: options.subscriberBufferSize ?? defaultClientOptions.subscriberBufferSize,
    actionIdPrefix: options.actionIdPrefix ?? `sb-${Math.random().toString(36).slice(2, 8)}-`,
    random: options.random ?? Math.random,
  };
}
