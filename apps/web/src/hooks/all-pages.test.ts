import { describe, expect, it } from 'vitest';
import { allPages } from './all-pages';

describe('allPages', () => {
  it('follows nextCursor until the last page and joins the items in order', async () => {
    const cursors: (string | undefined)[] = [];
    const items = await allPages((cursor) => {
      cursors.push(cursor);
      if (cursor === undefined) return Promise.resolve({ items: [1, 2], nextCursor: 'c2' });
      if (cursor === 'c2') return Promise.resolve({ items: [3], nextCursor: 'c3' });
      return Promise.resolve({ items: [4], nextCursor: null });
    });
    expect(items).toEqual([1, 2, 3, 4]);
    expect(cursors).toEqual([undefined, 'c2', 'c3']);
  });

  it('stops with an error on a list that never ends', async () => {
    await expect(allPages(() => Promise.resolve({ items: [0], nextCursor: 'again' }))).rejects.toThrow(
      /more than 50 pages/,
    );
  });
});
