import type { SimChannel } from './sim-channel.js';

/** A parsed Originate action. */
export interface OriginateRequest {
  actionId: string | undefined;
  /** The dial string as sent (`Local/answer@test`, `PJSIP/1001`). */
  channel: string;
  context: string | undefined;
  exten: string | undefined;
  priority: number;
  application: string | undefined;
  data: string;
  callerIdNum: string;
  callerIdName: string;
  variables: [string, string][];
  timeoutMs: number;
  channelId: string | undefined;
  otherChannelId: string | undefined;
  async: boolean;
  /** Called once with the outcome: the OriginateResponse event (async) or the held response (sync). */
  settle(success: boolean, reason: number, ch: SimChannel | undefined): void;
}

/** `"Test" <15551234567>` / `Test <123>` / `123` -> name and number. */
export function parseCallerId(value: string | undefined): { name: string; num: string } {
  if (!value) return { name: '', num: '' };
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(value);
  if (m) return { name: m[1]!.trim(), num: m[2]!.trim() };
  return /^[\d+*#]+$/.test(value.trim()) ? { name: '', num: value.trim() } : { name: value.trim(), num: '' };
}
