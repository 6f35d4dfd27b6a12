import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawClient } from './helpers/capture-replay.js';
import { loggedIn, request, waitEvent } from './helpers/sim-client.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/cli.ts');
let child: ChildProcess | undefined;
let client: RawClient | undefined;
afterEach(() => {
  client?.close();
  child?.kill('SIGTERM');
  child = undefined;
});

function startCli(args: string[]): Promise<number> {
  child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@switchboard/source', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /AMI on [^:]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child!.once('exit', (code) => reject(new Error(`cli exited with ${code}: ${out}`)));
  });
}

describe('switchboard-pbx-sim CLI', () => {
  it('serves AMI with the given user and secret on the given port', async () => {
    const port = await startCli(['--port', '0', '--user', 'demo', '--secret', 's3cret', '--speed', '20']);
    client = await loggedIn(port, 'demo', 's3cret');
    expect(client.messages.some((m) => m.get('Message') === 'Authentication accepted')).toBe(true);
    expect((await request(client, { Action: 'CoreSettings', ActionID: 'cs' })).get('AsteriskVersion')).toBe(
      '22.10.1',
    );
  });

  it('--inbound-call places calls from a SIP peer', async () => {
    const port = await startCli([
      '--port',
      '0',
      '--speed',
      '20',
      '--inbound-call',
      'sipp:service:2000',
      '--inbound-every',
      '200',
    ]);
    client = await loggedIn(port);
    const newchannel = await waitEvent(client, 'Newchannel');
    expect(newchannel.get('Channel')).toMatch(/^PJSIP\/sipp-[0-9a-f]{8}$/);
    expect(newchannel.get('Exten')).toBe('service');
  });
});
