import { eventName, firstHeader, parseHeaderText } from './header-text.js';

/** What kind of message the first header says this is. */
export type AmiMessageType = 'banner' | 'response' | 'event' | 'action' | 'unknown';

/** A header value as exposed by {@link AmiMessage.toObject}: repeated headers become arrays, in order. */
export type AmiHeaderValue = string | string[];

const NO_FIELDS: readonly string[] = [];

/**
 * One AMI message: its headers in wire order (names in their original case), with case-insensitive lookup.
 *
 * Headers are held as a flat array `[name0, value0, name1, value1, ...]`. A message from the parser keeps its
 * header lines as one string and builds that array only when first asked for it (a client that only reads a
 * few headers of each event never slices the others). Values are verbatim: leading/trailing spaces and colons
 * are kept.
 */
export class AmiMessage {
  readonly type: AmiMessageType;
  /** The event name, the response status (`Success`, `Error`, `Follows`, `Goodbye`), the action name, or the banner text. */
  readonly name: string;
  private parsed: readonly string[] | undefined;
  private source: string | undefined;

  constructor(fields: readonly string[], type?: AmiMessageType, name?: string) {
    this.parsed = fields;
    this.source = undefined;
    if (type !== undefined) {
      this.type = type;
      this.name = name ?? '';
      return;
    }
    this.name = fields[1] ?? '';
    this.type = typeOf(fields[0]);
  }

  /**
   * @internal A message read off the wire: `text` is `'\n'` followed by its header lines, each with its line
   * end (see header-text.ts). Only the first line is read now.
   */
  static fromText(text: string): AmiMessage {
    const event = eventName(text);
    let message: AmiMessage;
    if (event !== undefined) message = new AmiMessage(NO_FIELDS, 'event', event);
    else {
      const [first, name] = firstHeader(text);
      message = new AmiMessage(NO_FIELDS, typeOf(first), name);
    }
    message.parsed = undefined;
    message.source = text;
    return message;
  }

  /** Flat `[name, value, name, value, ...]` list; do not mutate. */
  get fields(): readonly string[] {
    return (this.parsed ??= parseHeaderText(this.source!));
  }

  /** @internal The header lines as received, when this message came from the parser. */
  get text(): string | undefined {
    return this.source;
  }

  /** The banner line (`Asterisk Call Manager/11.0.0`) sent by the server when the connection opens. */
  static banner(line: string): AmiMessage {
    return new AmiMessage([], 'banner', line);
  }

  /** Number of header lines. */
  get size(): number {
    return this.fields.length >> 1;
  }

  /** First value of the header `name` (case-insensitive), or `undefined`. */
  get(name: string): string | undefined {
    const f = this.fields;
    for (let i = 0; i < f.length; i += 2) if (f[i] === name) return f[i + 1];
    const lower = name.toLowerCase();
    for (let i = 0; i < f.length; i += 2) {
      const key = f[i]!;
      if (key.length === lower.length && key.toLowerCase() === lower) return f[i + 1];
    }
    return undefined;
  }

  /** Every value of the header `name` (case-insensitive), in wire order. */
  getAll(name: string): string[] {
    const f = this.fields;
    const lower = name.toLowerCase();
    const out: string[] = [];
    for (let i = 0; i < f.length; i += 2) {
      const key = f[i]!;
      if (key === name || (key.length === lower.length && key.toLowerCase() === lower)) out.push(f[i + 1]!);
    }
    return out;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Headers in wire order as `[name, value]` pairs. */
  *entries(): IterableIterator<[string, string]> {
    const f = this.fields;
    for (let i = 0; i < f.length; i += 2) yield [f[i]!, f[i + 1]!];
  }

  /**
   * A plain object keyed by header name (original case of the first occurrence); repeated headers become
   * arrays in wire order. Key order follows the wire.
   */
  toObject(): Record<string, AmiHeaderValue> {
    return fieldsToObject(this.fields);
  }
}

/** Builds the plain-object view of a flat header list (see {@link AmiMessage.toObject}). */
export function fieldsToObject(f: readonly string[], into: Record<string, AmiHeaderValue> = {}) {
  for (let i = 0; i < f.length; i += 2) {
    const key = f[i]!;
    const value = f[i + 1]!;
    if (key === '__proto__') {
      setProtoKey(into, value);
      continue;
    }
    // Own properties only: a header named like an Object.prototype member (toString) is a new key.
    const prev = Object.hasOwn(into, key) ? into[key] : undefined;
    if (prev === undefined) into[key] = value;
    else if (typeof prev === 'string') into[key] = [prev, value];
    else prev.push(value);
  }
  return into;
}

/** A peer-chosen `__proto__` header must become data, never the object's prototype. */
function setProtoKey(into: Record<string, AmiHeaderValue>, value: string): void {
  const prev: unknown = Object.hasOwn(into, '__proto__') ? into['__proto__'] : undefined;
  const next =
    prev === undefined ? value : typeof prev === 'string' ? [prev, value] : [...(prev as string[]), value];
  Object.defineProperty(into, '__proto__', {
    value: next,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function typeOf(first: string | undefined): AmiMessageType {
  if (first === 'Event') return 'event';
  if (first === 'Response') return 'response';
  if (first === 'Action') return 'action';
  const lower = first?.toLowerCase();
  return lower === 'event'
    ? 'event'
    : lower === 'response'
      ? 'response'
      : lower === 'action'
        ? 'action'
        : 'unknown';
}
