import { LIST_COMMANDS } from './list-commands.js';

/** Manager permission classes, as in manager.conf `read =` / `write =`. */
export const ALL_CLASSES = [
  'system',
  'call',
  'log',
  'verbose',
  'command',
  'agent',
  'user',
  'config',
  'dtmf',
  'reporting',
  'cdr',
  'dialplan',
  'originate',
  'agi',
  'cc',
  'aoc',
  'test',
  'security',
  'message',
] as const;

/** Parses `call,cdr,reporting`, `all`, `` into a set of class names. */
export function parseClasses(list: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const raw of (list ?? '').split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === 'all') for (const c of ALL_CLASSES) out.add(c);
    else if (name !== '' && name !== 'none') out.add(name);
  }
  return out;
}

/** Write classes each action needs (from the real ListCommands `(Priv: ...)`); empty = anyone logged in. */
const ACTION_CLASSES = new Map<string, string[]>();
for (const [action, text] of LIST_COMMANDS) {
  const priv = /\(Priv: ([^)]*)\)$/.exec(text)?.[1] ?? '<none>';
  const classes = priv === '<none>' ? [] : priv.split(',').filter((c) => c !== 'all');
  ACTION_CLASSES.set(action.toLowerCase(), classes);
}

/**
 * res_pjsip's AMI actions (registered with EVENT_FLAG_SYSTEM). The ListCommands of the captures comes from the
 * build without PJSIP, so they are known here but not listed there.
 */
for (const action of [
  'PJSIPShowEndpoints',
  'PJSIPShowEndpoint',
  'PJSIPShowAors',
  'PJSIPShowAuths',
  'PJSIPShowContacts',
  'PJSIPShowRegistrationsInbound',
]) {
  ACTION_CLASSES.set(action.toLowerCase(), ['system']);
}

/** Asterisk lets an action through when the user's write classes share at least one with the action's. */
export function mayRunAction(action: string, write: ReadonlySet<string>): boolean {
  const needed = ACTION_CLASSES.get(action.toLowerCase());
  if (!needed || needed.length === 0) return true;
  return needed.some((c) => write.has(c));
}

export function isKnownAction(action: string): boolean {
  return ACTION_CLASSES.has(action.toLowerCase());
}

/** The `EventMask` of the Events action and the `Events` header of Login: `on`, `off` or a class list. */
export function parseEventMask(value: string | undefined): Set<string> {
  const v = (value ?? 'on').trim().toLowerCase();
  if (v === 'on' || v === 'yes' || v === 'true') return new Set(ALL_CLASSES);
  if (v === 'off' || v === 'no' || v === 'false' || v === '') return new Set();
  return parseClasses(v);
}

/** Asterisk's EVENT_FLAG_* bit of each class (include/asterisk/manager.h); `all` is INT_MAX. */
const CLASS_BITS: Record<string, number> = {
  system: 1 << 0,
  call: 1 << 1,
  log: 1 << 2,
  verbose: 1 << 3,
  command: 1 << 4,
  agent: 1 << 5,
  user: 1 << 6,
  config: 1 << 7,
  dtmf: 1 << 8,
  reporting: 1 << 9,
  cdr: 1 << 10,
  dialplan: 1 << 11,
  originate: 1 << 12,
  agi: 1 << 13,
  cc: 1 << 15,
  aoc: 1 << 16,
  test: 1 << 17,
  security: 1 << 18,
  message: 1 << 30,
};

/** The permission mask `manager show connected` prints for a manager.conf `read =` / `write =` value. */
export function permissionMask(list: string | undefined): number {
  let mask = 0;
  for (const raw of (list ?? '').split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === 'all') return 0x7fffffff;
    mask |= CLASS_BITS[name] ?? 0;
  }
  return mask;
}
