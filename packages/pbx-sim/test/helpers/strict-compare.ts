/** Splits a session's raw bytes into the banner line and whole messages (each ending with `\r\n\r\n`). */
export function splitMessages(raw: string): string[] {
  const bannerEnd = raw.indexOf('\r\n') + 2;
  const out = [raw.slice(0, bannerEnd)];
  let at = bannerEnd;
  while (at < raw.length) {
    const end = raw.indexOf('\r\n\r\n', at);
    if (end < 0) {
      out.push(raw.slice(at));
      break;
    }
    out.push(raw.slice(at, end + 4));
    at = end + 4;
  }
  return out;
}

/** Headers whose values come from the clock, the host or the PBX's history, not from the protocol. */
const VOLATILE = [
  'Timestamp',
  'EventTV',
  'SessionTV',
  'SessionID',
  'Uptime',
  'LastReload',
  'CoreStartupDate',
  'CoreStartupTime',
  'CoreReloadDate',
  'CoreReloadTime',
  'CoreProcessedCalls',
  'ExpirationTime',
  'RegExpire',
];

/**
 * One message with its volatile values masked, every other byte kept: header order, padding, empty values
 * (`Key: `) and line ends still have to match. Ports in addresses, the calls-processed count and the
 * Start / Elapsed / FileDes columns of `manager show connected` (same width) are masked too.
 */
export function maskVolatile(message: string): string {
  let out = message;
  for (const name of VOLATILE) out = out.replace(new RegExp(`^${name}: .*$`, 'gm'), `${name}: <${name}>`);
  out = out.replace(/^((?:Local|Remote)Address: IPV4\/TCP\/[\d.]+)\/\d+/gm, '$1/<port>');
  out = out.replace(/^Output: \d+ calls? processed/gm, 'Output: <n> calls processed');
  out = out.replace(/^(Output: {3}\S+\s+\S+\s+)(\d+\s+)(\d+\s+)(\d+\s+)/gm, (_m, head: string, ...cols) =>
    [head, ...(cols.slice(0, 3) as string[]).map((c) => '#'.repeat(c.length))].join(''),
  );
  return out;
}
