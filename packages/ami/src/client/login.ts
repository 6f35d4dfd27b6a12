import { createHash } from 'node:crypto';
import { AmiError, AmiErrorCode, isAmiError } from '../errors.js';
import type { AmiAction } from '../protocol/ami-serializer.js';
import type { AmiResponse } from './ami-response.js';
import type { ResolvedAmiClientOptions } from './client-options.js';

type SendNow = (action: AmiAction) => Promise<AmiResponse>;

/**
 * Logs in with a plain secret, or answers an MD5 Challenge with md5(challenge + secret). A refusal becomes
 * `AMI_ERR_LOGIN_FAILED` (Asterisk answers "Authentication failed" after about 1 s, then closes the socket).
 */
export async function login(send: SendNow, options: ResolvedAmiClientOptions): Promise<AmiResponse> {
  const events = typeof options.events === 'string' ? options.events : options.events.join(',');
  try {
    if (options.authType === 'md5') {
      const challenge = (await send({ Action: 'Challenge', AuthType: 'MD5' })).get('Challenge');
      if (!challenge) throw new AmiError(AmiErrorCode.Protocol, 'Challenge response carried no Challenge');
      const key = createHash('md5')
        .update(challenge + options.secret)
        .digest('hex');
      return await send({
        Action: 'Login',
        AuthType: 'MD5',
        Username: options.username,
        Key: key,
        Events: events,
      });
    }
    return await send({
      Action: 'Login',
      Username: options.username,
      Secret: options.secret,
      Events: events,
    });
  } catch (error) {
    if (isAmiError(error, AmiErrorCode.ActionFailed)) {
      throw new AmiError(
        AmiErrorCode.LoginFailed,
        `AMI login as "${options.username}" refused: ${error.amiMessage ?? 'Authentication failed'}`,
        {
          action: error.action,
          actionId: error.actionId,
          amiMessage: error.amiMessage,
          sent: true,
          cause: error,
        },
      );
    }
    throw error;
  }
}
