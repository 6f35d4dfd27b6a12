import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { AmiError, AmiErrorCode } from '../errors.js';
import { AmiMessage } from './ami-message.js';
import { writeHeaderLine } from './header-text.js';

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
const R = 82;
const END_COMMAND = '--END COMMAND--';
/**
 * A message split across reads is finished on its held part plus this many characters of the next read
 * (most messages are well under 1 KB), not on a copy of the whole read; a longer one falls back to that.
 */
const HEAD_SPAN = 4096;
const FOLLOWS_PREFIX = 'Response: Follows';

/**
 * Streaming AMI parser: bytes in arbitrary chunks in, whole messages out. Pure: no sockets, no timers.
 *
 * Each chunk is decoded once (a StringDecoder keeps a UTF-8 character split across chunks for the next one),
 * then framed with one string search per line. A message ends at the first empty line (`\r\n` or bare `\n`
 * line ends, and the `\n\r\n\r\n` real Asterisk sends after PJSIP error messages). Each message's header lines
 * are copied into a string of their own, so a header value kept for hours holds on to its message, not to the
 * whole 64 KB socket read it arrived in; headers are sliced out of that copy only when asked for.
 *
 * The legacy `Response: Follows ... --END COMMAND--` command output (Asterisk < 14) is normalised to the modern
 * form: one `Output` header per output line.
 */
export class AmiParser {
  private readonly expectBanner: boolean;
  private readonly maxMessageSize: number;
  private readonly decoder = new StringDecoder('utf8');
  // True when the decoder holds no part of a UTF-8 character (the last chunk it decoded ended in ASCII).
  private decoderIdle = true;
  private pending = '';
  private bannerDone: boolean;
  private failed: AmiError | undefined;
  // Where the framing scan of a message split across reads resumes (relative to its first character), so it
  // is scanned once; and where the blank line that ended the last message framed starts.
  private scanFrom = 0;
  private bodyEnd = 0;

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
    const text = typeof chunk === 'string' ? chunk : this.decode(toBuffer(chunk));
    const out: AmiMessage[] = [];
    if (text.length === 0) return out;
    const held = this.pending.length;
    if (held === 0) return this.keep(text, this.scan(text, 0, out, Infinity), out);
    if (text.length > HEAD_SPAN) {
      // A message began in an earlier read: finish it on a short string rather than on a copy of the whole
      // read (pending + text would be flattened into one), then go on in the read itself.
      const pos = this.scan(this.pending + text.slice(0, HEAD_SPAN), 0, out, held);
      if (pos >= held) return this.keep(text, this.scan(text, pos - held, out, Infinity), out);
      // It runs on past the head: nothing came out; scan it whole.
    }
    const buf = this.pending + text;
    return this.keep(buf, this.scan(buf, 0, out, Infinity), out);
  }

  /**
   * Adds the whole messages in `buf` from `pos` on to `out`; returns where it stopped: at the end, at the start
   * of a message not complete yet, or at the end of the first message that ends at or after `stopAt`.
   */
  private scan(buf: string, pos: number, out: AmiMessage[], stopAt: number): number {
    const len = buf.length;
    if (!this.bannerDone) {
      const nl = buf.indexOf('\n');
      if (nl === -1) return 0;
      this.bannerDone = true;
      const lineEnd = nl > 0 && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const line = buf.slice(0, lineEnd);
      // A first line with a colon is already a header line of the first message: no banner.
      if (!line.includes(':')) {
        out.push(AmiMessage.banner(copyOf(line)));
        pos = nl + 1;
      }
    }

    while (pos < stopAt) {
      // Skip the empty lines between messages (and the extra CRLF after `value\n\r\n\r\n`).
      // (Never read past the end: an out-of-bounds read would cost the optimised code a deopt.)
      let c = 0;
      while (pos < len && ((c = buf.charCodeAt(pos)) === CR || c === LF)) pos++;
      if (pos >= len) break;
      // 'R' first: events (the bulk) skip the legacy check at the cost of one character compare.
      if (c === R && buf.startsWith(FOLLOWS_PREFIX, pos)) {
        const legacy = this.findEndCommand(buf, pos);
        if (legacy === -1) break;
        out.push(parseLegacyCommand(copyOf(buf.slice(pos, legacy.bodyEnd))));
        pos = legacy.terminatorEnd;
        continue;
      }
      const end = this.frame(buf, pos);
      if (end === -1) break;
      // One flat copy of the header lines, after an LF (see header-text.ts).
      out.push(AmiMessage.fromText((' \n' + buf.slice(pos, this.bodyEnd)).slice(1)));
      pos = end;
    }
    return pos;
  }

  /** Drops any partial message (after a reconnect the next bytes are a new banner). */
  reset(): void {
    this.pending = '';
    this.decoder.end();
    this.decoderIdle = true;
    this.bannerDone = !this.expectBanner;
    this.failed = undefined;
    this.scanFrom = 0;
  }

  /**
   * An all-ASCII chunk (what AMI sends in practice) is copied as Latin-1, several times faster than UTF-8
   * decoding; any other chunk, or one that follows a chunk ending inside a UTF-8 character, goes through the
   * UTF-8 decoder, which keeps a character split across chunks for the next one.
   */
  private decode(chunk: Buffer): string {
    if (this.decoderIdle && isAscii(chunk)) return chunk.toString('latin1');
    const text = this.decoder.write(chunk);
    if (chunk.length > 0) this.decoderIdle = chunk[chunk.length - 1]! < 0x80;
    return text;
  }

  private keep(buf: string, pos: number, out: AmiMessage[]): AmiMessage[] {
    this.pending = pos >= buf.length ? '' : buf.slice(pos);
    // A message still being framed started at `pos`: its scan position stays valid relative to it.
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

  /**
   * Finds the blank line that ends the message starting at `start` (sets `bodyEnd` to where it starts).
   * Returns the position just after it, or -1 if the message is not complete yet; the scan then resumes where
   * it stopped on the next push.
   */
  private frame(buf: string, start: number): number {
    let at = start + this.scanFrom;
    for (;;) {
      const nl = buf.indexOf('\n', at);
      if (nl === -1) {
        this.scanFrom = at - start;
        return -1;
      }
      // The line [at, nl) is empty: nothing, or a lone CR.
      if (nl === at || (nl === at + 1 && buf.charCodeAt(at) === CR)) {
        this.scanFrom = 0;
        this.bodyEnd = at;
        return nl + 1;
      }
      at = nl + 1;
    }
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
    return { bodyEnd: marker, terminatorEnd: p };
  }
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
        writeHeaderLine(fields, fields.length, line, 0, line.length);
        continue;
      }
      inHeaders = false;
    }
    fields.push('Output', line);
  }
  return new AmiMessage(fields);
}
