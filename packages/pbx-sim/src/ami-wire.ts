/**
 * Serialises a flat `[name, value, ...]` list as one AMI message (CRLF lines, blank line at the end). An empty
 * value is written `Key: ` (colon, space, nothing), as every empty header in the captures is.
 */
export function formatMessage(fields: readonly string[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i += 2) out += `${fields[i]}: ${fields[i + 1] ?? ''}\r\n`;
  return out + '\r\n';
}

/** An event raised by the PBX, before per-session filtering. The wire text is built once, on first use. */
export class SimEvent {
  private wireText: string | undefined;

  constructor(
    readonly name: string,
    /** The manager class that decides who may read it (`call`, `cdr`, `dialplan`, `system`, `security` ...). */
    readonly eventClass: string,
    /** Every header, starting with `Event` and `Privilege`. */
    readonly fields: readonly string[],
  ) {}

  get wire(): string {
    this.wireText ??= formatMessage(this.fields);
    return this.wireText;
  }

  get(name: string): string | undefined {
    for (let i = 0; i < this.fields.length; i += 2) if (this.fields[i] === name) return this.fields[i + 1];
    return undefined;
  }
}

export function makeEvent(name: string, eventClass: string, body: readonly string[]): SimEvent {
  return new SimEvent(name, eventClass, ['Event', name, 'Privilege', `${eventClass},all`, ...body]);
}
