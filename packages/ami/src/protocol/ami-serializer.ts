import { AmiError, AmiErrorCode } from '../errors.js';

/** A header value: arrays become repeated headers in order; `undefined` and `null` are left out. */
export type AmiActionValue =
  string | number | boolean | bigint | readonly (string | number)[] | undefined | null;

/** An action as header name -> value, `Action` first. Header order follows the object's key order. */
export interface AmiAction {
  Action: string;
  ActionID?: string;
  [header: string]: AmiActionValue;
}

export interface AmiSerializeOptions {
  /**
   * Longest line accepted, in UTF-8 bytes including the CRLF. Asterisk reads action lines into a 1025-byte
   * buffer and drops longer ones ("Dumping long line"), silently losing the header. Default 1024.
   */
  maxLineBytes?: number;
  /** Most headers per action; Asterisk keeps at most 128 (AST_MAX_MANHEADERS) and ignores the rest. Default 128. */
  maxHeaders?: number;
}

export const defaultSerializeOptions: Required<AmiSerializeOptions> = {
  maxLineBytes: 1024,
  maxHeaders: 128,
};

/** Header names: a token, as Asterisk's own (letters, digits, `-`, `_`, `(`, `)`, `.`). */
const HEADER_NAME = /^[A-Za-z0-9_\-().]+$/;

const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

/**
 * Serializes an action to the exact bytes to write. Every header is validated before anything is produced,
 * so a refused action writes nothing: CR, LF or NUL anywhere, a malformed name, an over-long line or too many
 * headers throw `AMI_ERR_INVALID_VALUE` naming the header.
 */
export function serializeAction(action: AmiAction, options: AmiSerializeOptions = {}): string {
  const maxLineBytes = options.maxLineBytes ?? defaultSerializeOptions.maxLineBytes;
  const maxHeaders = options.maxHeaders ?? defaultSerializeOptions.maxHeaders;
  const name = action.Action;
  if (typeof name !== 'string' || name.length === 0) {
    throw invalid('Action', 'the Action header is required', action);
  }
  let out = '';
  let count = 0;
  const append = (key: string, raw: string | number | boolean | bigint): void => {
    const value = String(raw);
    checkValue(key, value, action);
    // 4 = ': ' + CRLF. Byte length only matters past 1/4 of the limit (UTF-8 is at most 3 bytes per UTF-16 unit).
    const chars = key.length + value.length + 4;
    if (chars * 3 > maxLineBytes && Buffer.byteLength(key) + Buffer.byteLength(value) + 4 > maxLineBytes) {
      throw invalid(key, `the line is longer than ${maxLineBytes} bytes (Asterisk would drop it)`, action);
    }
    if (++count > maxHeaders) {
      throw invalid(key, `more than ${maxHeaders} headers (Asterisk ignores the rest)`, action);
    }
    out += key + ': ' + value + '\r\n';
  };
  append('Action', name);
  for (const key in action) {
    if (key === 'Action' || !Object.hasOwn(action, key)) continue;
    if (key.toLowerCase() === 'action') throw invalid(key, 'a second Action header', action);
    const value = action[key];
    if (value === undefined || value === null) continue;
    checkName(key, action);
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number)[]) append(key, item);
    } else {
      append(key, value as string | number | boolean | bigint);
    }
  }
  return out + '\r\n';
}

function checkName(key: string, action: AmiAction): void {
  if (!HEADER_NAME.test(key)) {
    throw invalid(safeLabel(key), 'a header name must be letters, digits, "-", "_", ".", "(" or ")"', action);
  }
}

function checkValue(key: string, value: string, action: AmiAction): void {
  if (FORBIDDEN_IN_VALUE.test(value)) {
    throw invalid(key, 'values may not contain CR, LF or NUL', action);
  }
}

function invalid(header: string, reason: string, action: AmiAction): AmiError {
  const actionName = typeof action.Action === 'string' ? safeLabel(action.Action) : undefined;
  const actionId = typeof action.ActionID === 'string' ? safeLabel(action.ActionID) : undefined;
  return new AmiError(AmiErrorCode.InvalidValue, `Invalid AMI header "${header}": ${reason}`, {
    header,
    ...(actionName === undefined ? {} : { action: actionName }),
    ...(actionId === undefined ? {} : { actionId }),
    sent: false,
  });
}

/** Makes a peer- or user-supplied string safe to show in an error message. */
function safeLabel(text: string): string {
  return JSON.stringify(text.length > 64 ? text.slice(0, 64) + '…' : text).slice(1, -1);
}
