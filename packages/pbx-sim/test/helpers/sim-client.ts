import { createHash } from 'node:crypto';
import type { AmiMessage } from '@switchboard/ami';
import { RawClient } from './capture-replay.js';

export function action(fields: Record<string, string | string[]>): string {
  let out = '';
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v]) out += `${k}: ${one}\r\n`;
  return out + '\r\n';
}

/** A logged-in raw client (admin / amp111 unless told otherwise). */
export async function loggedIn(
  port: number,
  user = 'admin',
  secret = 'amp111',
  events = 'on',
): Promise<RawClient> {
  const c = await RawClient.open(port);
  c.send(action({ Action: 'Login', Username: user, Secret: secret, Events: events, ActionID: 'login' }));
  await c.waitFor((m) => m.some((x) => x.get('ActionID') === 'login'));
  return c;
}

export async function request(c: RawClient, fields: Record<string, string | string[]>): Promise<AmiMessage> {
  const id = fields['ActionID'] as string;
  c.send(action(fields));
  await c.waitFor((m) => m.some((x) => x.type === 'response' && x.get('ActionID') === id));
  return c.messages.find((x) => x.type === 'response' && x.get('ActionID') === id)!;
}

export function events(
  c: RawClient,
  name: string,
  pred: (m: AmiMessage) => boolean = () => true,
): AmiMessage[] {
  return c.messages.filter((m) => m.type === 'event' && m.name === name && pred(m));
}

export async function waitEvent(
  c: RawClient,
  name: string,
  pred: (m: AmiMessage) => boolean = () => true,
  timeoutMs = 8000,
): Promise<AmiMessage> {
  await c.waitFor(() => events(c, name, pred).length > 0, timeoutMs);
  return events(c, name, pred)[0]!;
}

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
