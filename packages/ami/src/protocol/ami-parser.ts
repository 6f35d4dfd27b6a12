import { StringDecoder } from 'node:string_decoder';
import { AmiError, AmiErrorCode } from '../errors.js';
import { AmiMessage } from './ami-message.js';

export interface AmiParserOptions {
  /**
   * Treat the first line of the stream as the server banner (`Asterisk Call Manager/11.0.0`) when it has no
   * colon. Set to `false` to parse what a client sends (a server-side parser). Default `true`.
   */
  expectBanner?: boolean;
  /**
   * Largest message accepted, in characters (bytes, for the ASCII text AMI is in practice). A peer that sends more without ending the message gets an
   * `AMI_ERR_MESSAGE_TOO_LARGE` error and the parser stops. Default 4 MiB.
   */
  maxMessageSize?: number;
}

export const defaultParserOptions: Required<AmiParserOptions> = {
  expectBanner: true,
  maxMessageSize: 4 * 1024 * 1024,
};

const LF = 10;
const CR = 13;
const SPACE = 32;
const END_COMMAND = '--END COMMAND--';
const FOLLOWS_PREFIX = 'Response: Follows';
const NOT_SEARCHED = -2;

/**
 * Streaming AMI parser: bytes in arbitrary chunks in, whole messages out. Pure: no sockets, no timers.
 *
 * Each chunk is decoded once (a StringDecoder keeps a UTF-8 character split across chunks for the next one),
 * then framed with string searches, which V8 runs without crossing into C++. A message ends at the first empty
 * line (`\r\n` or bare `\n` line ends, and the `\n\r\n\r\n` real Asterisk sends after PJSIP error messages).
 * Each message is copied into a string of its own before its headers are sliced, so a header value kept for
 * hours holds on to its message, not to the whole 64 KB socket read it arrived in.
 *
 * The legacy `Response: Follows ... --END COMMAND--` command output (Asterisk < 14) is normalised to the modern
 * form: one `Output` header per output line.
 */
export class AmiParser {
  private readonly expectBanner: boolean;
  private readonly maxMessageSize: number;
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private bannerDone: boolean;
  private failed: AmiError | undefined;
  // Cached search results over `pending`, so a chunk of many messages is scanned once (not once per message).
  private nextLfCrlf = NOT_SEARCHED;
  private nextLfLf = NOT_SEARCHED;

  constructor(options: AmiParserOptions = {}) {
    this.expectBanner = options.expectBanner ?? defaultParserOptions.expectBanner;
    this.maxMessageSize = options.maxMessageSize ?? defaultParserOptions.maxMessageSize;
    this.bannerDone = !this.expectBanner;
  }

  /** Characters received but not yet part of a whole message. */
  get bufferedBytes(): number {
    return this.pending.length;
  }

  /**
   * Feeds a chunk and returns the messages it completed (possibly none). Throws `AMI_ERR_MESSAGE_TOO_LARGE`
   * when a message outgrows `maxMessageSize`; after that the parser refuses further input.
   */
  push(chunk: Uint8Array | string): AmiMessage[] {
    if (this.failed) throw this.failed;
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(toBuffer(chunk));
    const out: AmiMessage[] = [];
    if (text.length === 0) return out;
    let buf: string;
    if (this.pending.length === 0) {
      buf = text;
      this.nextLfCrlf = NOT_SEARCHED;
      this.nextLfLf = NOT_SEARCHED;
    } else {
      const carried = this.pending.length;
      buf = this.pending + text;
      // A terminator may straddle the old end: re-search from just before it.
      if (this.nextLfCrlf === -1) this.nextLfCrlf = -3 - Math.max(0, carried - 2);
      if (this.nextLfLf === -1) this.nextLfLf = -3 - Math.max(0, carried - 1);
    }
    const len = buf.length;
    let pos = 0;

    if (!this.bannerDone) {
      const nl = buf.indexOf('\n');
      if (nl === -1) return this.keep(buf, 0, out);
      this.bannerDone = true;
      const lineEnd = nl > 0 && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const line = buf.slice(0, lineEnd);
      // A first line with a colon is already a header line of the first message: no banner.
      if (!line.includes(':')) {
        out.push(AmiMessage.banner(copyOf(line)));
        pos = nl + 1;
      }
    }

    for (;;) {
      // Skip the empty lines between messages (and the extra CRLF after `value\n\r\n\r\n`).
      let c = buf.charCodeAt(pos);
      while (c === CR || c === LF) c = buf.charCodeAt(++pos);
      if (pos >= len) break;
      if (buf.startsWith(FOLLOWS_PREFIX, pos)) {
        const legacy = this.findEndCommand(buf, pos);
        if (legacy === -1) break;
        out.push(parseLegacyCommand(copyOf(buf.slice(pos, legacy.bodyEnd))));
        pos = legacy.terminatorEnd;
        continue;
      }
      // `end` is the LF that ends the last header line; the blank line follows it.
      const end = this.findBlankLine(buf, pos);
      if (end === -1) break;
      out.push(parseMessage(copyOf(buf.slice(pos, end))));
      pos = buf.charCodeAt(end + 1) === CR ? end + 3 : end + 2;
    }
    return this.keep(buf, pos, out);
  }

  /** Drops any partial message (after a reconnect the next bytes are a new banner). */
  reset(): void {
    this.pending = '';
    this.decoder.end();
    this.bannerDone = !this.expectBanner;
    this.failed = undefined;
    this.nextLfCrlf = NOT_SEARCHED;
    this.nextLfLf = NOT_SEARCHED;
  }

  private keep(buf: string, pos: number, out: AmiMessage[]): AmiMessage[] {
    this.pending = pos >= buf.length ? '' : buf.slice(pos);
    // Cached positions are relative to the old buffer: shift them.
    this.nextLfCrlf = shiftCached(this.nextLfCrlf, pos);
    this.nextLfLf = shiftCached(this.nextLfLf, pos);
    if (this.pending.length === 0) {
      this.nextLfCrlf = NOT_SEARCHED;
      this.nextLfLf = NOT_SEARCHED;
    }
    if (this.pending.length > this.maxMessageSize) {
      this.pending = '';
      this.failed = new AmiError(
        AmiErrorCode.MessageTooLarge,
        `AMI message exceeds ${this.maxMessageSize} bytes without ending; refusing further input`,
      );
      throw this.failed;
    }
    return out;
  }

  /** Position of the LF that ends the message starting at `from` (a blank line follows it), or -1. */
  private findBlankLine(buf: string, from: number): number {
    this.nextLfCrlf = searchFrom(buf, '\n\r\n', from, this.nextLfCrlf);
    this.nextLfLf = searchFrom(buf, '\n\n', from, this.nextLfLf);
    const a = this.nextLfCrlf;
    const b = this.nextLfLf;
    if (a === -1) return b;
    if (b === -1) return a;
    return a < b ? a : b;
  }

  private findEndCommand(buf: string, from: number): { bodyEnd: number; terminatorEnd: number } | -1 {
    const marker = buf.indexOf(END_COMMAND, from);
    if (marker === -1) return -1;
    let p = marker + END_COMMAND.length;
    // `--END COMMAND--` then the line end and the blank line, with CRLF or bare LF.
    for (let lineEnds = 0; lineEnds < 2; lineEnds++) {
      if (p < buf.length && buf.charCodeAt(p) === CR) p++;
      if (p >= buf.length) return -1;
      if (buf.charCodeAt(p) !== LF) break;
      p++;
    }
    // Positions cached for the normal framing may lie inside the command output: search again after it.
    this.nextLfCrlf = NOT_SEARCHED;
    this.nextLfLf = NOT_SEARCHED;
    return { bodyEnd: marker, terminatorEnd: p };
  }
}

/**
 * `cached` is: a position >= `from` still valid; -1 "none in the buffer"; NOT_SEARCHED; or `-3 - k` meaning
 * "none before k, search from k".
 */
function searchFrom(buf: string, needle: string, from: number, cached: number): number {
  if (cached >= from) return cached;
  if (cached === -1) return -1;
  const start = cached <= -3 ? Math.max(from, -3 - cached) : from;
  return buf.indexOf(needle, start);
}

function shiftCached(cached: number, by: number): number {
  if (cached >= 0) return cached - by;
  if (cached <= -3 && by > 0) return NOT_SEARCHED;
  return cached;
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * A flat copy of a (sliced) string: concatenating makes a cons string, and slicing that flattens it into a new
 * string that holds only these characters, so the slices taken from it do not pin the whole chunk.
 */
function copyOf(slice: string): string {
  return (' ' + slice).slice(1);
}

/** Parses the header lines of one message (without its terminating blank line). */
export function parseMessage(text: string): AmiMessage {
  const fields: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let nl = text.indexOf('\n', i);
    if (nl === -1) nl = n;
    const end = nl > i && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    if (end > i) pushHeaderLine(fields, text, i, end);
    i = nl + 1;
  }
  return new AmiMessage(fields);
}

function pushHeaderLine(fields: string[], text: string, start: number, end: number): void {
  const colon = text.indexOf(':', start);
  if (colon === -1 || colon >= end) {
    // A line without a colon: kept verbatim under the empty header name.
    fields.push('', text.slice(start, end));
    return;
  }
  let v = colon + 1;
  if (v < end && text.charCodeAt(v) === SPACE) v++;
  fields.push(text.slice(start, colon), text.slice(v, end));
}

/**
 * `Response: Follows` / `Privilege: Command` / `ActionID: x` / output lines / `--END COMMAND--`: the header lines
 * come first, every line after them is output, returned as repeated `Output` headers like Asterisk 14+.
 */
function parseLegacyCommand(text: string): AmiMessage {
  const fields: string[] = [];
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let inHeaders = true;
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (inHeaders) {
      const colon = line.indexOf(':');
      const key = colon === -1 ? '' : line.slice(0, colon).toLowerCase();
      if (key === 'response' || key === 'privilege' || key === 'actionid') {
        pushHeaderLine(fields, line, 0, line.length);
        continue;
      }
      inHeaders = false;
    }
    fields.push('Output', line);
  }
  return new AmiMessage(fields);
}
