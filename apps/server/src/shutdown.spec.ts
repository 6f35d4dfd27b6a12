import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installShutdown, type ShutdownHost } from './shutdown.js';

class FakeHost extends EventEmitter implements ShutdownHost {
  readonly exits: number[] = [];
  private resolveExit!: (code: number) => void;
  readonly exited = new Promise<number>((resolve) => (this.resolveExit = resolve));

  exit(code: number): void {
    this.exits.push(code);
    this.resolveExit(code);
  }
}

const quietLogger = { info: () => undefined, error: () => undefined };

describe('installShutdown', () => {
  it('on SIGTERM closes the app, then the database, then exits 0, once', async () => {
    const order: string[] = [];
    const host = new FakeHost();
    installShutdown(
      { close: () => Promise.resolve(void order.push('app')) },
      { close: () => Promise.resolve(void order.push('database')) },
      quietLogger,
      host,
    );
    host.emit('SIGTERM', 'SIGTERM');
    host.emit('SIGINT', 'SIGINT');
    expect(await host.exited).toBe(0);
    expect(order).toEqual(['app', 'database']);
    expect(host.exits).toEqual([0]);
  });

  it('exits 1 when closing fails', async () => {
    const host = new FakeHost();
    installShutdown(
      { close: () => Promise.reject(new Error('stuck')) },
      { close: () => Promise.resolve() },
      quietLogger,
      host,
    );
    host.emit('SIGINT', 'SIGINT');
    expect(await host.exited).toBe(1);
  });
});
