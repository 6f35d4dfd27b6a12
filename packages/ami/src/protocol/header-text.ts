/**
 * A message's header lines kept as one string, `'\n' + 'Name: value\r\n' + ...` (each line with its own line
 * end, no blank line), from which headers are read on demand. The leading LF makes every header line start
 * right after an LF, so finding a header by name is one string search.
 */

const LF = 10;
const CR = 13;
const SPACE = 32;

/** Writes one `Name: value` line as fields[at], fields[at + 1] (a line without a colon: name `''`). */
export function writeHeaderLine(
  fields: string[],
  at: number,
  text: string,
  start: number,
  end: number,
): void {
  const colon = text.indexOf(':', start);
  if (colon === -1 || colon >= end) {
    fields[at] = '';
    fields[at + 1] = text.slice(start, end);
    return;
  }
  const v = colon + 1 < end && text.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
  fields[at] = text.slice(start, colon);
  fields[at + 1] = text.slice(v, end);
}

/** End of the line that ends with the LF at `nl` and starts at `start`: one CR before the LF is dropped. */
function lineEnd(text: string, start: number, nl: number): number {
  return nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
}

/** Every header line of a header text, as a flat `[name, value, ...]` list in wire order. */
export function parseHeaderText(text: string): string[] {
  const fields: string[] = [];
  let at = 1;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    writeHeaderLine(fields, fields.length, text, at, lineEnd(text, at, nl));
    at = nl + 1;
  }
  return fields;
}

/**
 * The event name when the first header is exactly `Event` (the bulk of the stream: checked without slicing
 * the header name), else `undefined`.
 */
export function eventName(text: string): string | undefined {
  // 'Event:' at 1..6, after the leading LF.
  if (
    text.charCodeAt(6) !== 58 ||
    text.charCodeAt(1) !== 69 ||
    text.charCodeAt(2) !== 118 ||
    text.charCodeAt(3) !== 101 ||
    text.charCodeAt(4) !== 110 ||
    text.charCodeAt(5) !== 116
  ) {
    return undefined;
  }
  const nl = text.indexOf('\n', 7);
  const end = text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  return text.slice(7 < end && text.charCodeAt(7) === SPACE ? 8 : 7, end);
}

/** The first header line's name and value (`['', line]` when it has no colon). */
export function firstHeader(text: string): [name: string, value: string] {
  const nl = text.indexOf('\n', 1);
  const pair: string[] = [];
  writeHeaderLine(pair, 0, text, 1, lineEnd(text, 1, nl));
  return pair as [string, string];
}

/**
 * What `name` is looked up by: `name + ':'`, or `null` for a name no header line can have with a lookup of
 * this kind (`''`, or one holding a colon or LF); those are answered from the fully parsed headers instead.
 */
export function headerPattern(name: string): string | null {
  return name === '' || name.includes(':') || name.includes('\n') ? null : name + ':';
}

/** Position of the next line starting with `pattern`, from `from` on, or -1. */
function findLine(text: string, pattern: string, from: number): number {
  let at = text.indexOf(pattern, from);
  while (at !== -1 && text.charCodeAt(at - 1) !== LF) at = text.indexOf(pattern, at + 1);
  return at;
}

/** The value of the header line whose name ends at `colon` (one space after the colon dropped). */
function valueAfter(text: string, colon: number): string {
  const nl = text.indexOf('\n', colon);
  const end = text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  const v = colon + 1 < end && text.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
  return text.slice(v, end);
}

/**
 * The value of the header named exactly `pattern` minus its colon (see {@link headerPattern}): a string, an
 * array of every value in wire order when the header repeats, or `undefined` when absent. The same result as
 * {@link parseHeaderText} followed by grouping by name, without slicing any other line.
 */
export function headerValue(text: string, pattern: string): string | string[] | undefined {
  const first = findLine(text, pattern, 1);
  if (first === -1) return undefined;
  const colon = first + pattern.length - 1;
  const value = valueAfter(text, colon);
  let next = findLine(text, pattern, colon);
  if (next === -1) return value;
  const values = [value];
  while (next !== -1) {
    const nextColon = next + pattern.length - 1;
    values.push(valueAfter(text, nextColon));
    next = findLine(text, pattern, nextColon);
  }
  return values;
}
