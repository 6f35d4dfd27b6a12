/**
 * Stable error codes, in the style of Fastify's `FST_ERR_*`: match on `error.code`, never on the message.
 */
export const AmiErrorCode = {
  /** Asterisk answered the action with `Response: Error` (its `Message` is kept on the error). */
  ActionFailed: 'AMI_ERR_ACTION_FAILED',
  /** No response arrived within the action's timeout. */
  Timeout: 'AMI_ERR_TIMEOUT',
  /** The connection closed while the action was pending; the action may or may not have run. */
  Disconnected: 'AMI_ERR_DISCONNECTED',
  /** The client is not logged in (and the action may not wait in the offline queue). */
  NotReady: 'AMI_ERR_NOT_READY',
  /** A header name or value would corrupt the AMI stream (CR, LF, NUL, over-long line, bad name). */
  InvalidValue: 'AMI_ERR_INVALID_VALUE',
  /** Login was refused by Asterisk (`Authentication failed`). */
  LoginFailed: 'AMI_ERR_LOGIN_FAILED',
  /** The TCP/TLS connection could not be established. */
  ConnectFailed: 'AMI_ERR_CONNECT_FAILED',
  /** The peer sent a message larger than `maxMessageSize`; the connection is closed. */
  MessageTooLarge: 'AMI_ERR_MESSAGE_TOO_LARGE',
  /** The peer did not speak AMI (no banner, garbage). */
  Protocol: 'AMI_ERR_PROTOCOL',
  /** Keepalive Ping got no answer in time: the connection is considered half-open and dropped. */
  KeepaliveTimeout: 'AMI_ERR_KEEPALIVE_TIMEOUT',
  /** The offline queue is full. */
  QueueFull: 'AMI_ERR_QUEUE_FULL',
  /** The client was closed by its owner. */
  Closed: 'AMI_ERR_CLOSED',
} as const;

export type AmiErrorCode = (typeof AmiErrorCode)[keyof typeof AmiErrorCode];

export interface AmiErrorDetails {
  /** The ActionID of the action concerned, when there is one. */
  actionId?: string;
  /** The action name (`Originate`, `Ping`, ...). */
  action?: string;
  /** Asterisk's `Message` header, for `AMI_ERR_ACTION_FAILED` and `AMI_ERR_LOGIN_FAILED`. */
  amiMessage?: string;
  /** The header that was refused, for `AMI_ERR_INVALID_VALUE`. */
  header?: string;
  /** Whether the action had been written to the socket before the failure. */
  sent?: boolean;
}

export class AmiError extends Error implements AmiErrorDetails {
  override readonly name = 'AmiError';
  readonly code: AmiErrorCode;
  readonly actionId?: string;
  readonly action?: string;
  readonly amiMessage?: string;
  readonly header?: string;
  readonly sent?: boolean;
  /** The full response, for `AMI_ERR_ACTION_FAILED`. */
  readonly response?: unknown;

  constructor(
    code: AmiErrorCode,
    message: string,
    details: AmiErrorDetails & { cause?: unknown; response?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.actionId !== undefined) this.actionId = details.actionId;
    if (details.action !== undefined) this.action = details.action;
    if (details.amiMessage !== undefined) this.amiMessage = details.amiMessage;
    if (details.header !== undefined) this.header = details.header;
    if (details.sent !== undefined) this.sent = details.sent;
    if (details.response !== undefined) this.response = details.response;
  }
}

export function isAmiError(value: unknown, code?: AmiErrorCode): value is AmiError {
  return value instanceof AmiError && (code === undefined || value.code === code);
}
