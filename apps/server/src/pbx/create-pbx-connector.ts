import type { AppConfig } from '../config/app-config.js';
import { AmiPbxConnector } from './ami-pbx-connector.js';
import type { PbxConnector } from './pbx-client.js';

/** Real AMI clients when AMI_* are set. TODO(simulated mode): start pbx-sim in-process otherwise. */
export function createPbxConnector(config: AppConfig): PbxConnector {
  return new AmiPbxConnector(config);
}
