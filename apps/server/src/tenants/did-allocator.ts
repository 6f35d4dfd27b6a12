import type { Clock, RandomSource } from '../common/clock.js';
import type { DidRotationStrategy, DidRow } from '../db/database.types.js';
import { pickDid } from './did-rotation.js';
import { utcDay } from './dids.dto.js';
import type { DidsRepository } from './dids.repository.js';

/** How long a tenant's DID list is trusted before it is read again (DIDs changed by another instance). */
export const DID_LIST_REFRESH_MS = 1000;

interface TenantDids {
  /** Enabled DIDs in `position` order; usage as this process last saw or reserved it. */
  dids: DidRow[];
  /** `position` of the DID picked last (round-robin cursor). */
  lastPosition: number;
}

/**
 * What counting a picked DID gave: `counted` (the row as counted), or refused (capped or disabled meanwhile:
 * `counted` and `value` undefined), or not counted for a reason of the caller's (`value` set).
 */
export interface DidCount<T> {
  counted: DidRow | undefined;
  value?: T | undefined;
}

export type Allocation<T> =
  | { kind: 'done'; did: DidRow; value: T | undefined }
  /** Counting did not happen for a reason of the caller's (`value` says which). */
  | { kind: 'not-counted'; value: T }
  /** Every DID is disabled or at its daily cap (or, for an explicit DID, that one is at its cap). */
  | { kind: 'none' }
  /** The explicit DID is not one of the tenant's enabled DIDs. */
  | { kind: 'unknown' };

const underCap = (did: DidRow, today: string): boolean =>
  did.daily_cap === null || did.usage_day !== today || did.uses_today < did.daily_cap;

/**
 * Picks caller IDs in process, with no lock: the tenant's enabled DIDs are cached (re-read after
 * DID_LIST_REFRESH_MS, or at once after a change made here), the rotation runs on that list synchronously, and
 * the pick is then counted by one conditional UPDATE (`countDidUse`) that refuses a DID disabled or at its cap.
 * A refused DID is dropped from this round and the next one is tried, so caps and counters are exact across
 * connections and instances; the rotation order is exact within an instance.
 */
export class DidAllocator {
  private readonly tenants = new Map<string, { loadedAt: number; state: Promise<TenantDids> }>();

  constructor(
    private readonly repository: DidsRepository,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  invalidate(tenantId: string): void {
    this.tenants.delete(tenantId);
  }

  /**
   * Picks a DID (the rotation's, or `explicitNumber`) and hands it to `count`, retrying with another DID while
   * counts are refused. `count` answers `counted: undefined` with a `value` when it did not count for a reason
   * of its own (no retry).
   */
  async allocate<T>(
    tenantId: string,
    strategy: DidRotationStrategy,
    destination: string | undefined,
    count: (did: DidRow, today: string) => Promise<DidCount<T>>,
    explicitNumber?: string,
  ): Promise<Allocation<T>> {
    const refused = new Set<string>();
    let reread = false;
    for (;;) {
      const state = await this.load(tenantId);
      const today = utcDay(this.clock.now());
      const eligible = state.dids.filter((did) => !refused.has(did.id) && underCap(did, today));
      let chosen: DidRow | undefined;
      if (explicitNumber !== undefined) {
        if (!state.dids.some((did) => did.number === explicitNumber)) {
          // Perhaps added or enabled on another instance since the list was read.
          if (!reread) {
            reread = true;
            this.invalidate(tenantId);
            continue;
          }
          return { kind: 'unknown' };
        }
        chosen = eligible.find((did) => did.number === explicitNumber);
      } else {
        const picked = pickDid({
          strategy,
          candidates: eligible,
          lastPosition: state.lastPosition,
          destination,
          random: () => this.random.next(),
        });
        chosen = eligible.find((did) => did.id === picked?.id);
      }
      if (!chosen) {
        // Before refusing, read the list once more: a cap raised or a DID added on another instance counts.
        if (!reread) {
          reread = true;
          this.invalidate(tenantId);
          continue;
        }
        return { kind: 'none' };
      }
      const before = { ...chosen };
      this.reserve(state, chosen, today);
      let result: DidCount<T>;
      try {
        result = await count(chosen, today);
      } catch (err) {
        Object.assign(chosen, before);
        throw err;
      }
      if (result.counted) {
        Object.assign(chosen, result.counted);
        return { kind: 'done', did: result.counted, value: result.value };
      }
      Object.assign(chosen, before);
      if (result.value !== undefined) return { kind: 'not-counted', value: result.value };
      // Refused: capped or disabled by another instance. Read the list again and pick among the others.
      refused.add(chosen.id);
      this.invalidate(tenantId);
    }
  }

  /** Counts the pick locally at once, so concurrent picks of this process rotate and respect caps. */
  private reserve(state: TenantDids, did: DidRow, today: string): void {
    did.uses_today = did.usage_day === today ? did.uses_today + 1 : 1;
    did.usage_day = today;
    did.total_uses++;
    did.last_used_at = this.clock.now();
    state.lastPosition = did.position;
  }

  private load(tenantId: string): Promise<TenantDids> {
    const cached = this.tenants.get(tenantId);
    const now = Date.now();
    if (cached && now - cached.loadedAt < DID_LIST_REFRESH_MS) return cached.state;
    const state = Promise.all([
      this.repository.listEnabled(tenantId),
      cached?.state.catch(() => undefined),
    ]).then(([dids, previous]) => ({
      dids,
      // Carry the cursor over; on a first load, resume after the DID used last (also across restarts).
      lastPosition: previous?.lastPosition ?? lastUsedPosition(dids),
    }));
    const entry = { loadedAt: now, state };
    this.tenants.set(tenantId, entry);
    state.catch(() => {
      if (this.tenants.get(tenantId) === entry) this.tenants.delete(tenantId);
    });
    return state;
  }
}

function lastUsedPosition(dids: DidRow[]): number {
  let last: DidRow | undefined;
  for (const did of dids) {
    if (did.last_used_at && (!last?.last_used_at || did.last_used_at > last.last_used_at)) last = did;
  }
  return last?.position ?? 0;
}
