/** One page of a Switchboard list: `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Most pages read before giving up (200 items each): a guard against a server that never ends a list. */
const MAX_PAGES = 50;

/**
 * Reads every page of a list by following `nextCursor`, for settings lists that are small but must be
 * complete (a transfer number's share needs every weight).
 */
export async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (result.nextCursor === null) return items;
    cursor = result.nextCursor;
  }
  throw new Error(`The list has more than ${MAX_PAGES} pages; narrow it down`);
}

/** The largest page the API serves. */
export const PAGE_LIMIT = 200;
