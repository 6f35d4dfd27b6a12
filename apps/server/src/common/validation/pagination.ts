import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { validationFailed } from '../errors/app-error.js';

export const paginationQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .describe('Maximum number of items to return (1-200, default 50).'),
  cursor: z.string().min(1).max(200).optional().describe('The `nextCursor` of the previous page.'),
});

export type PaginationQuery = z.output<typeof paginationQuerySchema>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A position in a list ordered by (created_at, id). */
export interface CursorPosition {
  createdAt: Date;
  id: string;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` to get the next page; null on the last page.'),
  });
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(createdAt));
    if (typeof id === 'string' && z.uuid().safeParse(id).success && !Number.isNaN(date.getTime())) {
      return { createdAt: date, id };
    }
  } catch {
    // fall through to the validation error
  }
  throw validationFailed('The cursor is invalid', {
    issues: [{ path: 'cursor', message: 'invalid cursor' }],
  });
}

/** Builds a page from `limit + 1` rows fetched in order: the extra row only says whether more exist. */
export function toPage<R extends { created_at: Date; id: string }, T>(
  rows: R[],
  limit: number,
  view: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(view),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

/** The keyset condition for rows after `cursor` in (created_at, id) order. */
export function afterCursor(cursor: string | undefined): RawBuilder<boolean> {
  if (cursor === undefined) return sql<boolean>`true`;
  const position = decodeCursor(cursor);
  return sql<boolean>`(created_at, id) > (${position.createdAt.toISOString()}::timestamptz, ${position.id}::uuid)`;
}
