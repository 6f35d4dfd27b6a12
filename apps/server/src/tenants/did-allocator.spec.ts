import { describe, expect, it } from 'vitest';
import { Clock, RandomSource } from '../common/clock.js';
import type { DidRow } from '../db/database.types.js';
import { DidAllocator } from './did-allocator.js';
import type { DidsRepository } from './dids.repository.js';

const NOW = new Date('2026-03-01T10:00:00Z');

class FixedClock extends Clock {
  now(): Date {
    return new Date(NOW);
  }
}

class NoRandom extends RandomSource {
  next(): number {
    return 0;
  }
}

function did(position: number, overrides: Partial<DidRow> = {}): DidRow {
  return {
    id: `did-${position}`,
    tenant_id: 't',
    number: `+1202555010${position}`,
    label: null,
    enabled: true,
    daily_cap: null,
    usage_day: null,
    uses_today: 0,
    total_uses: 0,
    last_used_at: null,
    position,
    created_at: NOW,
    updated_at: NOW,
    ...overrides,
  };
}

/** The DIDs "in the database"; each listEnabled answers copies, and counts how often it was read. */
function repository(rows: DidRow[]) {
  const repo = {
    reads: 0,
    rows,
    listEnabled: () => {
      repo.reads++;
      return Promise.resolve(repo.rows.filter((r) => r.enabled).map((r) => ({ ...r })));
    },
  };
  return repo;
}

const counted = (row: DidRow) => Promise.resolve({ counted: { ...row, uses_today: row.uses_today } });

/** Counts in the fake database too, as the conditional UPDATE does. */
const countedIn =
  (repo: ReturnType<typeof repository>) =>
  (row: DidRow): Promise<{ counted: DidRow }> => {
    const stored = repo.rows.find((r) => r.id === row.id)!;
    stored.uses_today = row.uses_today;
    stored.usage_day = row.usage_day;
    return Promise.resolve({ counted: { ...row } });
  };

describe('DidAllocator', () => {
  it('rotates in process and reads the DID list once while it is fresh', async () => {
    const repo = repository([did(1), did(2), did(3)]);
    const allocator = new DidAllocator(repo as unknown as DidsRepository, new FixedClock(), new NoRandom());
    const picks = await Promise.all(
      Array.from({ length: 6 }, () => allocator.allocate('t', 'round-robin', undefined, counted)),
    );
    expect(picks.map((p) => (p.kind === 'done' ? p.did.position : 0))).toEqual([1, 2, 3, 1, 2, 3]);
    expect(repo.reads).toBe(1);
  });

  it('a DID the database refuses (capped or disabled by another instance) is skipped; the list is read again', async () => {
    const repo = repository([did(1), did(2)]);
    const allocator = new DidAllocator(repo as unknown as DidsRepository, new FixedClock(), new NoRandom());
    const tried: number[] = [];
    const picked = await allocator.allocate('t', 'round-robin', undefined, async (row) => {
      tried.push(row.position);
      return row.position === 1 ? { counted: undefined } : counted(row);
    });
    expect(tried).toEqual([1, 2]);
    expect(picked).toMatchObject({ kind: 'done', did: { position: 2 } });
    expect(repo.reads).toBe(2);
    // Nothing left once both are refused.
    const refuseAll = () => Promise.resolve({ counted: undefined });
    const none = await allocator.allocate('t', 'round-robin', undefined, refuseAll);
    expect(none).toEqual({ kind: 'none' });
  });

  it('an explicit DID must be enabled and under its cap; the list is read again before refusing', async () => {
    const repo = repository([did(1, { daily_cap: 1 }), did(2, { enabled: false })]);
    const allocator = new DidAllocator(repo as unknown as DidsRepository, new FixedClock(), new NoRandom());
    const count = countedIn(repo);
    const first = await allocator.allocate('t', 'round-robin', undefined, count, '+12025550101');
    expect(first.kind).toBe('done');
    expect(await allocator.allocate('t', 'round-robin', undefined, count, '+12025550101')).toEqual({
      kind: 'none',
    });
    expect(await allocator.allocate('t', 'round-robin', undefined, count, '+12025550102')).toEqual({
      kind: 'unknown',
    });
    // Raised (or enabled) on another instance: seen at once, not after the list's refresh time.
    repo.rows[0]!.daily_cap = 2;
    repo.rows[1]!.enabled = true;
    const reads = repo.reads;
    expect((await allocator.allocate('t', 'round-robin', undefined, count, '+12025550101')).kind).toBe(
      'done',
    );
    expect((await allocator.allocate('t', 'round-robin', undefined, count, '+12025550102')).kind).toBe(
      'done',
    );
    expect(repo.reads).toBe(reads + 1);
  });

  it("a count that did not happen for the caller's reason passes its value on and takes the reservation back", async () => {
    const repo = repository([did(1, { daily_cap: 1 })]);
    const allocator = new DidAllocator(repo as unknown as DidsRepository, new FixedClock(), new NoRandom());
    const stale = await allocator.allocate('t', 'round-robin', undefined, () =>
      Promise.resolve({ counted: undefined, value: 'stale' }),
    );
    expect(stale).toEqual({ kind: 'not-counted', value: 'stale' });
    // The cap of 1 is still free.
    expect((await allocator.allocate('t', 'round-robin', undefined, counted)).kind).toBe('done');
  });
});
