import { afterEach } from 'vitest';
import { PbxSimulator, type PbxSimOptions } from '../../src/index.js';
import type { RawClient } from './capture-replay.js';
import { loggedIn } from './sim-client.js';

/** A test's simulator and raw clients, all closed after each test. */
export interface SimFixture {
  /** Starts the test's simulator on a free port: the file's defaults, then `options`. */
  start(options?: PbxSimOptions): Promise<PbxSimulator>;
  /** Starts the test's simulator and logs in a client as admin. */
  adminClient(options?: PbxSimOptions): Promise<RawClient>;
  /** Has the clients closed after the test. */
  closeAfter(...clients: RawClient[]): void;
  /** The simulator the test started. */
  readonly sim: PbxSimulator;
}

/** Call at the top of a test file: registers the `afterEach` that closes the clients and stops the simulator. */
export function useSimFixture(defaults: PbxSimOptions): SimFixture {
  let sim: PbxSimulator | undefined;
  const clients: RawClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await sim?.stop();
    sim = undefined;
  });
  const start = async (options: PbxSimOptions = {}): Promise<PbxSimulator> => {
    sim = await new PbxSimulator({ port: 0, ...defaults, ...options }).start();
    return sim;
  };
  return {
    start,
    async adminClient(options) {
      const c = await loggedIn((await start(options)).port);
      clients.push(c);
      return c;
    },
    closeAfter(...opened) {
      clients.push(...opened);
    },
    get sim() {
      if (!sim) throw new Error('no simulator started in this test');
      return sim;
    },
  };
}
