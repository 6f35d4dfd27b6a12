import { AmiClient } from '@switchboard/ami';
import { PbxSimulator, type PbxSimOptions } from '@switchboard/pbx-sim';
import { PbxConnector, type PbxLink } from '../../src/pbx/pbx-client.js';

/** The simulator on a free port, sped up, with a counter of the Originate actions it received. */
export class SimPbxConnector extends PbxConnector {
  sim: PbxSimulator | undefined;
  client: AmiClient | undefined;
  originates = 0;

  constructor(private readonly options: PbxSimOptions = {}) {
    super();
  }

  async open(): Promise<PbxLink[]> {
    const sim = await new PbxSimulator({ port: 0, speed: 50, seed: 3, ...this.options }).start();
    const handle = sim.handleAction.bind(sim);
    sim.handleAction = (session, message) => {
      if (message.name.toLowerCase() === 'originate') this.originates++;
      handle(session, message);
    };
    this.sim = sim;
    this.client = new AmiClient({
      host: '127.0.0.1',
      port: sim.port,
      username: 'admin',
      secret: 'amp111',
      name: 'sim',
      reconnect: { initialDelay: 20, maxDelay: 100 },
    });
    return [
      {
        name: 'sim',
        host: '127.0.0.1',
        port: sim.port,
        simulated: true,
        client: this.client,
        dispose: () => sim.stop(),
      },
    ];
  }
}
