import { BadRequestException } from '@nestjs/common';

/** Lists take (docs/http-conventions.md, "Ids, dates and lists") `?limit=` (≤ 200, default 50) and an opaque `?cursor=`. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface Page<Item> {
  readonly items: readonly Item[];
  /** Pass as `cursor` to read the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

/** A cursor is the sort key of the last item, as base64url JSON: opaque to clients, not a secret. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, index) => typeof part === shape[index])) {
      return key as (string | number)[];
    }
  } catch {
    // falls through to the 400 below: a cursor that is not ours
  }
  throw new BadRequestException({ code: 'invalid-cursor', detail: 'cursor is not one this list gave out', errors: [{ field: 'cursor', message: 'cursor is invalid' }] });
}

/** Reads one row more than the page to know whether there is a next page. */
export function pageOf<Row, Item>(rows: readonly Row[], limit: number, toItem: (row: Row) => Item, keyOf: (row: Row) => (string | number)[]): Page<Item> {
  const page = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(keyOf(page[page.length - 1])) : null;
  return { items: page.map(toItem), nextCursor };
}
