import type { AmiClient, AmiClientState } from '@switchboard/ami';

export type PbxState = AmiClientState;

/** The part of `AmiClient` the server relies on; tests hand in fakes with the same shape. */
export type PbxClient = Pick<
  AmiClient,
  'state' | 'metrics' | 'connect' | 'close' | 'action' | 'on' | 'off' | 'originate' | 'subscribe'
>;

/** One configured PBX and its AMI client. */
export interface PbxLink {
  name: string;
  host: string;
  port: number;
  /** True when this is the in-process simulator rather than a real Asterisk. */
  simulated: boolean;
  client: PbxClient;
  /** Stops whatever the link started besides the client (the simulator). */
  dispose?: () => Promise<void>;
}

/** Builds the PBX links from config (real AMI clients, or the simulator when no AMI settings are given). */
export abstract class PbxConnector {
  abstract open(): Promise<PbxLink[]>;
}
