/** The channel migration 0010's trigger notifies on for every change of a call. */
export const CALL_CHANGES_CHANNEL = 'switchboard_call_changes';

/** What the trigger says about a change: where, which call, and its `change_seq` (the live stream's id). */
export interface CallChangeNotice {
  schema: string;
  callId: string;
  tenantId: string;
  changeSeq: number;
}

/** Reads a notification's payload; anything not shaped like the trigger's is ignored (undefined). */
export function parseCallChangeNotice(payload: string): CallChangeNotice | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { schema, id, tenantId, changeSeq } = value as Record<string, unknown>;
  if (typeof schema !== 'string' || typeof id !== 'string' || typeof tenantId !== 'string') return undefined;
  if (typeof changeSeq !== 'number' || !Number.isSafeInteger(changeSeq)) return undefined;
  return { schema, callId: id, tenantId, changeSeq };
}
