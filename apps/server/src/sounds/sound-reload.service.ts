import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import { PbxService } from '../pbx/pbx.service.js';

export interface ReloadResult {
  pbx: string;
  response: string;
  message: string | null;
}

/** Asks the PBX to reload over AMI (`Action: Reload`), answering what Asterisk said. */
@Injectable()
export class SoundReloadService {
  constructor(private readonly pbx: PbxService) {}

  async reload(): Promise<ReloadResult> {
    const status = this.pbx.status()[0];
    const client = this.pbx.client();
    if (!status || !client || client.state !== 'ready') {
      throw new AppError(503, 'pbx-unavailable', 'The PBX is not connected; try again when it is', {
        pbx: status?.name ?? null,
        state: status?.state ?? null,
      });
    }
    const response = await client.action({ Action: 'Reload' }).catch((err: Error) => {
      throw new AppError(503, 'pbx-unavailable', `The PBX did not answer the reload: ${err.message}`, {
        pbx: status.name,
      });
    });
    if (!response.ok) {
      throw new AppError(
        502,
        'pbx-error',
        `Asterisk refused the reload: ${response.get('Message') ?? 'no reason'}`,
        {
          pbx: status.name,
        },
      );
    }
    return {
      pbx: status.name,
      response: response.get('Response') ?? 'Success',
      message: response.get('Message') ?? null,
    };
  }
}
