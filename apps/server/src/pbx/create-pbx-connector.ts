import type { AppConfig } from '../config/app-config.js';
import { AmiPbxConnector } from './ami-pbx-connector.js';
import type { PbxConnector } from './pbx-client.js';
import { SimulatedPbxConnector } from './simulated-pbx-connector.js';

/** Real AMI clients when AMI_HOST/AMI_USER/AMI_PASSWORD are set; the in-process simulator otherwise. */
export function createPbxConnector(config: AppConfig): PbxConnector {
  return config.pbx.length > 0 ? new AmiPbxConnector(config) : new SimulatedPbxConnector(config);
}
