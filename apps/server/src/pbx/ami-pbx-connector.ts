import { Inject, Injectable } from '@nestjs/common';
import { AmiClient } from '@switchboard/ami';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PbxConnector, type PbxLink } from './pbx-client.js';

/** One AmiClient per configured PBX (AMI_HOST...). */
@Injectable()
export class AmiPbxConnector extends PbxConnector {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  open(): Promise<PbxLink[]> {
    return Promise.resolve(
      this.config.pbx.map((pbx) => ({
        name: pbx.name,
        host: pbx.host,
        port: pbx.port,
        simulated: false,
        client: new AmiClient({
          host: pbx.host,
          port: pbx.port,
          username: pbx.username,
          secret: pbx.secret,
          name: pbx.name,
        }),
      })),
    );
  }
}
