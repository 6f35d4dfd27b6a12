import { EventEmitter } from 'node:events';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PbxConnector, type PbxClient, type PbxLink, type PbxState } from './pbx-client.js';

export interface PbxStatus {
  name: string;
  host: string;
  port: number;
  simulated: boolean;
  state: PbxState;
  ready: boolean;
}

export interface PbxServiceEvents {
  state: [name: string, state: PbxState, previous: PbxState];
}

/**
 * Owns the AMI connection(s): opens them at start (without waiting: the app serves while a PBX is down and the
 * client reconnects), exposes their state, events and counters, and closes them at shutdown.
 */
@Injectable()
export class PbxService
  extends EventEmitter<PbxServiceEvents>
  implements OnModuleInit, OnApplicationShutdown
{
  private readonly logger = new Logger('Pbx');
  private links: PbxLink[] = [];

  constructor(private readonly connector: PbxConnector) {
    super();
  }

  async onModuleInit(): Promise<void> {
    this.links = await this.connector.open();
    for (const link of this.links) {
      if (link.simulated) {
        this.logger.warn(
          `PBX "${link.name}" is SIMULATED (in-process pbx-sim on ${link.host}:${link.port}): no real calls are ` +
            'placed. Set AMI_HOST, AMI_USER and AMI_PASSWORD to use a real Asterisk.',
        );
      }
      link.client.on('state', (state, previous) => {
        const message = `PBX "${link.name}" ${previous} -> ${state}`;
        if (state === 'ready') this.logger.log(message);
        else if (state === 'reconnecting' || state === 'closed') this.logger.warn(message);
        else this.logger.debug(message);
        this.emit('state', link.name, state, previous);
      });
      link.client.on('error', (err: Error) => this.logger.warn(`PBX "${link.name}": ${err.message}`));
      link.client.connect().catch((err: Error) => {
        this.logger.error(`PBX "${link.name}" connection failed for good: ${err.message}`);
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const links = this.links;
    this.links = [];
    await Promise.allSettled(
      links.map(async (link) => {
        await link.client.close();
        await link.dispose?.();
      }),
    );
  }

  /** True when any PBX is the simulator: the UI and health say so. */
  get simulated(): boolean {
    return this.links.some((link) => link.simulated);
  }

  status(): PbxStatus[] {
    return this.links.map((link) => ({
      name: link.name,
      host: link.host,
      port: link.port,
      simulated: link.simulated,
      state: link.client.state,
      ready: link.client.state === 'ready',
    }));
  }

  /** Counters of each client, for /metrics. */
  metrics(): Array<{ name: string; metrics: PbxClient['metrics'] }> {
    return this.links.map((link) => ({ name: link.name, metrics: link.client.metrics }));
  }

  /** The client of PBX `name`, or the first one. */
  client(name?: string): PbxClient | undefined {
    return (name === undefined ? this.links[0] : this.links.find((link) => link.name === name))?.client;
  }
}
