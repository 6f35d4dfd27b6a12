import type { DidRotationStrategy } from '../db/database.types.js';
import { localityOf } from './phone-numbers.js';

/** What rotation needs to know of an eligible DID (enabled, under its daily cap). */
export interface DidCandidate {
  id: string;
  number: string;
  position: number;
  last_used_at: Date | null;
}

export interface RotationInput {
  strategy: DidRotationStrategy;
  /** Eligible DIDs in `position` order. */
  candidates: DidCandidate[];
  /** `position` of the DID picked last (round-robin cursor). */
  lastPosition: number;
  /** E.164 destination, for local presence. */
  destination: string | undefined;
  /** A float in [0, 1), for the random strategy. */
  random: () => number;
}

const lastUsed = (did: DidCandidate): number => did.last_used_at?.getTime() ?? -Infinity;

function leastRecentlyUsed(candidates: DidCandidate[]): DidCandidate | undefined {
  let best: DidCandidate | undefined;
  for (const did of candidates) {
    if (!best || lastUsed(did) < lastUsed(best)) best = did;
  }
  return best;
}

/** 2: same country and area code; 1: same country; 0: elsewhere. */
function closeness(destination: string, did: string): number {
  const a = localityOf(destination);
  const b = localityOf(did);
  const sameCountry = a.country !== undefined ? a.country === b.country : a.callingCode === b.callingCode;
  if (!sameCountry || a.callingCode === '') return 0;
  return a.areaCode !== '' && a.areaCode === b.areaCode ? 2 : 1;
}

/** Picks the caller ID for one call. Pure: the repository runs it inside a per-tenant lock. */
export function pickDid(input: RotationInput): DidCandidate | undefined {
  const { candidates } = input;
  if (candidates.length === 0) return undefined;
  switch (input.strategy) {
    case 'round-robin':
      return candidates.find((did) => did.position > input.lastPosition) ?? candidates[0];
    case 'least-recently-used':
      return leastRecentlyUsed(candidates);
    case 'random':
      return candidates[Math.min(candidates.length - 1, Math.floor(input.random() * candidates.length))];
    case 'local-presence': {
      if (!input.destination) return leastRecentlyUsed(candidates);
      const destination = input.destination;
      const scored = candidates.map((did) => ({ did, score: closeness(destination, did.number) }));
      const best = Math.max(...scored.map((s) => s.score));
      // Among the equally close DIDs, rotate (least recently used) so one local number is not burnt out.
      return leastRecentlyUsed(scored.filter((s) => s.score === best).map((s) => s.did));
    }
  }
}
