import { callsOf, isFinalStatus, useCalls, type Call } from '../../hooks/use-calls';

/** How many calls of each live status the board loads (the API's largest page). */
export const LIVE_LIMIT = 200;

/**
 * The tenant's calls in progress (queued, dialing, ringing, answered), newest first. One list per live status,
 * each kept current by useCallStream: a call moves from list to list as its status changes and leaves the
 * last one when it ends.
 */
export function useLiveCalls() {
  const queued = useCalls({ status: 'queued' }, { limit: LIVE_LIMIT });
  const dialing = useCalls({ status: 'dialing' }, { limit: LIVE_LIMIT });
  const ringing = useCalls({ status: 'ringing' }, { limit: LIVE_LIMIT });
  const answered = useCalls({ status: 'answered' }, { limit: LIVE_LIMIT });
  const lists = [queued, dialing, ringing, answered];
  const byId = new Map<string, Call>();
  for (const list of lists) {
    for (const call of callsOf(list.data)) if (!isFinalStatus(call.status)) byId.set(call.id, call);
  }
  const calls = [...byId.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const failed = lists.find((list) => list.isError);
  return {
    calls,
    isPending: lists.some((list) => list.isPending),
    error: failed?.error ?? null,
    /** Some status has more live calls than one page holds. */
    truncated: lists.some((list) => list.hasNextPage),
    refetch: () => Promise.all(lists.map((list) => list.refetch())),
  };
}

/** What a live call is doing and since when: time since placed, then ringing time, then talk time. */
export function phaseOf(call: Call): { label: string; timeLabel: string; since: string } {
  if (call.status === 'answered') {
    return { label: 'Talking', timeLabel: 'talk time', since: call.answeredAt ?? call.createdAt };
  }
  if (call.status === 'ringing') {
    return { label: 'Ringing', timeLabel: 'ring time', since: call.ringingAt ?? call.createdAt };
  }
  const label = call.status === 'queued' ? 'Queued' : 'Dialing';
  return { label, timeLabel: 'since placed', since: call.createdAt };
}

/** 75_000 -> "1:15", 3_725_000 -> "1:02:05"; never negative (clock skew). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
