import net, { type Socket } from 'node:net';
import tls, { type ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import { AmiError, AmiErrorCode } from '../errors.js';

export interface TransportOptions {
  host: string;
  port: number;
  tls: false | TlsConnectionOptions;
  /** ms allowed for the TCP (and TLS) handshake. */
  timeout: number;
  /** TCP keepalive probe delay, ms (0 = off). Catches dead peers even when no Ping is due. */
  tcpKeepAlive: number;
  /** Aborting destroys the socket and rejects (close() during a connect leaves no socket behind). */
  signal?: AbortSignal;
  /**
   * Receives every read. The chunk is a view of a buffer reused by the next read: consume it before
   * returning (the parser copies what it keeps).
   */
  onData(chunk: Buffer, socket: Socket): void;
}

/** Bytes read from the socket at most per read (libuv's own default read size). */
export const READ_BUFFER_SIZE = 64 * 1024;

/**
 * Opens the TCP or TLS socket; resolves once it is connected (TLS: once the handshake is done).
 *
 * Plain TCP reads go into one buffer per connection, handed to `onData` (Node's `onread`), instead of a fresh
 * 64 KB Buffer and a stream 'data' event per read: at tens of megabytes a second of events that is about a
 * tenth less time per event, mostly garbage collection (see the package README's benchmark). TLS sockets,
 * whose connect options have no `onread`, deliver their 'data' events to `onData`.
 */
export function openSocket(options: TransportOptions): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    let socket: Socket;
    if (options.tls) {
      socket = tls.connect({ ...options.tls, host: options.host, port: options.port });
      socket.on('data', (chunk: Buffer) => options.onData(chunk, socket));
    } else {
      const buffer = Buffer.allocUnsafe(READ_BUFFER_SIZE);
      const callback = (bytes: number): boolean => {
        options.onData(buffer.subarray(0, bytes), socket);
        return true;
      };
      socket = net.connect({ host: options.host, port: options.port, onread: { buffer, callback } });
    }
    const readyEvent = options.tls ? 'secureConnect' : 'connect';
    const fail = (cause: unknown): void => {
      cleanup();
      socket.destroy();
      const reason = cause instanceof Error ? cause.message : String(cause);
      reject(
        new AmiError(
          AmiErrorCode.ConnectFailed,
          `Cannot connect to AMI at ${options.host}:${options.port}: ${reason}`,
          { cause },
        ),
      );
    };
    const onError = (error: Error): void => fail(error);
    const onTimeout = (): void => fail(new Error(`no connection within ${options.timeout} ms`));
    const onReady = (): void => {
      cleanup();
      socket.setNoDelay(true);
      if (options.tcpKeepAlive > 0) socket.setKeepAlive(true, options.tcpKeepAlive);
      resolve(socket);
    };
    const onAbort = (): void => fail(new Error('aborted'));
    const timer = setTimeout(onTimeout, options.timeout);
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off(readyEvent, onReady);
      options.signal?.removeEventListener('abort', onAbort);
    };
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once(readyEvent, onReady);
  });
}
