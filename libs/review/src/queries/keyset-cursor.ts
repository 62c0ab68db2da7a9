import { BadRequestException } from '@nestjs/common';
import { decodeCursor } from '@ree/platform/http';
import { isInstant } from './time-range';

/** What a keyset cursor of these lists holds: an instant, then ids or sequence numbers. */
export type CursorPart = 'instant' | 'string' | 'integer';

const invalidCursor = () =>
  new BadRequestException({ code: 'invalid-cursor', detail: 'cursor is not one this list gave out', errors: [{ field: 'cursor', message: 'cursor is invalid' }] });

const PART_IS_VALID: Readonly<Record<CursorPart, (part: string | number) => boolean>> = {
  instant: isInstant,
  // PostgreSQL text cannot hold NUL: such a forged cursor would fail in the database, not here.
  string: (part) => typeof part === 'string' && !part.includes('\u0000'),
  integer: (part) => Number.isSafeInteger(part) && (part as number) >= 0 && (part as number) <= 2_147_483_647,
};

/**
 * The platform's opaque cursor, checked part by part before it reaches SQL: a cursor that this
 * list did not give out is a 400 `invalid-cursor`, never a database error.
 */
export function decodeKeysetCursor(cursor: string | undefined, shape: readonly CursorPart[]): (string | number)[] | null {
  const key = decodeCursor(cursor, shape.map((part) => (part === 'integer' ? 'number' : 'string')));
  if (key && !key.every((part, index) => PART_IS_VALID[shape[index]](part))) throw invalidCursor();
  return key;
}
