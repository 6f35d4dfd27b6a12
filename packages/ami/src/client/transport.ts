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
}

/** Opens the TCP or TLS socket; resolves once it is connected (TLS: once the handshake is done). */
export function openSocket(options: TransportOptions): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket: Socket = options.tls
      ? tls.connect({ ...options.tls, host: options.host, port: options.port })
      : net.connect({ host: options.host, port: options.port });
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
