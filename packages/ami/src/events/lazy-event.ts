import { inspect } from 'node:util';
import { fieldsToObject, type AmiHeaderValue } from '../protocol/ami-message.js';
import { headerPattern, headerValue, parseHeaderText } from '../protocol/header-text.js';

type EventRecord = Record<string | symbol, AmiHeaderValue>;

/** Header reads answered from the text before the event is parsed in full (later reads are plain lookups). */
const LAZY_READS = 8;

/**
 * Lookup patterns by property name, in a small direct-mapped cache: a property name read in code is one
 * interned string, so a hit is one comparison of references. Collisions just replace the slot, so the cache
 * stays bounded whatever names are read.
 */
const SLOTS = 256;
const slotKeys: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const slotPatterns: (string | null)[] = new Array<string | null>(SLOTS).fill(null);

function patternOf(key: string): string | null {
  const slot = (key.length * 31 + key.charCodeAt(0)) & (SLOTS - 1);
  if (slotKeys[slot] === key) return slotPatterns[slot] ?? null;
  const pattern = key === '__proto__' || key === '$server' ? null : headerPattern(key);
  slotKeys[slot] = key;
  slotPatterns[slot] = pattern;
  return pattern;
}

/**
 * While not yet parsed, the target's prototype: Object.prototype plus a custom inspect that shows the
 * headers (util.inspect looks at a proxy's target, not through its traps).
 */
const unparsedPrototype = Object.create(Object.prototype, {
  [inspect.custom]: {
    value(this: EventRecord) {
      return { ...this };
    },
  },
}) as object;

/**
 * The proxy handler of one event. Reading a header (`event.Channel`) finds its line in the message text and
 * slices that value alone; anything else (keys, `in`, spread, JSON, assignment, freezing...) first parses the
 * whole message into the target, after which the event is exactly the plain object {@link fieldsToObject}
 * builds, plus `$server`.
 */
class LazyEvent implements ProxyHandler<EventRecord> {
  private parsed = false;
  private reads = 0;

  constructor(
    private readonly text: string,
    private readonly server: string,
  ) {}

  get(target: EventRecord, key: string | symbol, receiver: unknown): unknown {
    if (!this.parsed) {
      // Symbols are never headers: the prototype chain answers.
      if (typeof key !== 'string') return Reflect.get(target, key, receiver);
      if (key === '$server') return this.server;
      const pattern = patternOf(key);
      if (pattern !== null && ++this.reads <= LAZY_READS) {
        const value = headerValue(this.text, pattern);
        if (typeof value === 'string') return value;
        if (value === undefined) return Reflect.get(Object.prototype, key, receiver);
        // A repeated header's array must be the same (mutable) object on every read, as on a plain object.
      }
      this.parse(target);
    }
    return Reflect.get(target, key, receiver);
  }

  set(target: EventRecord, key: string | symbol, value: unknown, receiver: unknown): boolean {
    this.parse(target);
    return Reflect.set(target, key, value, receiver);
  }

  has(target: EventRecord, key: string | symbol): boolean {
    this.parse(target);
    return Reflect.has(target, key);
  }

  ownKeys(target: EventRecord): (string | symbol)[] {
    this.parse(target);
    return Reflect.ownKeys(target);
  }

  getOwnPropertyDescriptor(target: EventRecord, key: string | symbol): PropertyDescriptor | undefined {
    this.parse(target);
    return Reflect.getOwnPropertyDescriptor(target, key);
  }

  defineProperty(target: EventRecord, key: string | symbol, descriptor: PropertyDescriptor): boolean {
    this.parse(target);
    return Reflect.defineProperty(target, key, descriptor);
  }

  deleteProperty(target: EventRecord, key: string | symbol): boolean {
    this.parse(target);
    return Reflect.deleteProperty(target, key);
  }

  getPrototypeOf(target: EventRecord): object | null {
    this.parse(target);
    return Reflect.getPrototypeOf(target);
  }

  setPrototypeOf(target: EventRecord, prototype: object | null): boolean {
    this.parse(target);
    return Reflect.setPrototypeOf(target, prototype);
  }

  isExtensible(target: EventRecord): boolean {
    this.parse(target);
    return Reflect.isExtensible(target);
  }

  preventExtensions(target: EventRecord): boolean {
    this.parse(target);
    return Reflect.preventExtensions(target);
  }

  /** Fills the target with every header (once); from then on it is an ordinary object. */
  private parse(target: EventRecord): void {
    if (this.parsed) return;
    this.parsed = true;
    Object.setPrototypeOf(target, Object.prototype);
    fieldsToObject(parseHeaderText(this.text), target);
    target['$server'] = this.server;
  }
}

/**
 * An event object over a message's header text (see header-text.ts): behaves as the plain object
 * `{ ...headers, $server }` (same keys in the same order, same values, arrays for repeated headers), but a
 * header is only sliced out of the text when read, so a listener that reads four headers of a forty-header
 * event pays for four.
 */
export function lazyEvent(text: string, server: string): Record<string, AmiHeaderValue> {
  const target = Object.create(unparsedPrototype) as EventRecord;
  return new Proxy(target, new LazyEvent(text, server));
}
