import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AmiClient } from '@switchboard/ami';
import { PbxSimulator } from '@switchboard/pbx-sim';
import type { AppConfig } from '../config/app-config.js';
import { PbxConnector, type PbxLink } from './pbx-client.js';

/**
 * No AMI settings: runs packages/pbx-sim in-process on a free loopback port, with a one-off manager secret,
 * and connects a real AmiClient to it, so the rest of the app behaves exactly as with Asterisk.
 */
export class SimulatedPbxConnector extends PbxConnector {
  constructor(private readonly config: Pick<AppConfig, 'dataDir' | 'pbxSimSpeed'>) {
    super();
  }

  async open(): Promise<PbxLink[]> {
    const username = 'switchboard';
    const secret = randomBytes(18).toString('base64url');
    const simDir = path.join(this.config.dataDir, 'pbx-sim');
    const simulator = await new PbxSimulator({
      host: '127.0.0.1',
      port: 0,
      speed: this.config.pbxSimSpeed,
      users: { [username]: { secret, read: 'all', write: 'all' } },
      monitorDir: path.join(simDir, 'monitor'),
      soundsDir: path.join(simDir, 'sounds'),
    }).start();
    const client = new AmiClient({
      host: '127.0.0.1',
      port: simulator.port,
      username,
      secret,
      name: 'simulated',
    });
    return [
      {
        name: 'simulated',
        host: '127.0.0.1',
        port: simulator.port,
        simulated: true,
        client,
        dispose: () => simulator.stop(),
      },
    ];
  }
}
