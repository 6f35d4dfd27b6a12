import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { AmiClient } from '@switchboard/ami';
import { PbxConnector, type PbxLink } from '../../src/pbx/pbx-client.js';

const CLI = fileURLToPath(new URL('../../../../packages/pbx-sim/src/cli.ts', import.meta.url));

/**
 * The PBX simulator in a child process (its CLI, run from source by tsx), as a real PBX is another machine:
 * its work does not run on the server's event loop, so make-call and ingest figures leave PBX time out.
 */
export class SimProcessConnector extends PbxConnector {
  private child: ChildProcess | undefined;

  constructor(private readonly speed: number) {
    super();
  }

  async open(): Promise<PbxLink[]> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, '--port', '0', '--speed', String(this.speed), '--seed', '3'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.child = child;
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`pbx-sim exited (${code})`)));
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const match = /AMI on [^:]+:(\d+)/.exec(line);
        if (match) resolve(Number(match[1]));
      });
    });
    const client = new AmiClient({
      host: '127.0.0.1',
      port,
      username: 'admin',
      secret: 'amp111',
      name: 'sim',
      reconnect: { initialDelay: 20, maxDelay: 100 },
    });
    return [
      {
        name: 'sim',
        host: '127.0.0.1',
        port,
        simulated: true,
        client,
        dispose: async () => {
          child.kill();
          await new Promise((resolve) => child.once('exit', resolve));
        },
      },
    ];
  }
}
