import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * The `from`/`to` of the reviewers' search: an ISO 8601 calendar day (`2025-03-01`) or an instant
 * with its offset (`2025-03-01T08:00:00Z`, `2025-03-01T16:00+08:00`). `from` is inclusive, `to`
 * exclusive; a day as `from` starts at 00:00 UTC, a day as `to` ends at 24:00 UTC of that day, so
 * `from=2025-03-01&to=2025-03-31` is the whole of March 1 to 31. Instants without an offset are
 * refused: their meaning would depend on the server's time zone.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const DAY_MS = 86_400_000;

/** Milliseconds since the epoch at 00:00 UTC of a real calendar day, or null (2025-02-30 is not one). */
function dayStart(year: string, month: string, day: string): number | null {
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const valid = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return valid ? date.getTime() : null;
}

interface Bound {
  readonly ms: number;
  readonly isDay: boolean;
}

function boundOf(value: unknown): Bound | null {
  if (typeof value !== 'string') return null;
  const day = DAY.exec(value);
  if (day) {
    const start = dayStart(day[1], day[2], day[3]);
    return start === null ? null : { ms: start, isDay: true };
  }
  const instant = INSTANT.exec(value);
  if (!instant) return null;
  const [, year, month, dayOfMonth, hours, minutes, seconds = '0', fraction = '', zone, sign, offsetHours, offsetMinutes] = instant;
  const start = dayStart(year, month, dayOfMonth);
  if (start === null || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  if (zone !== 'Z' && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) return null;
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const milliseconds = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  return { ms: start + ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + milliseconds - offset, isDay: false };
}

/** An instant with its offset that PostgreSQL can hold (year 1 or later), as cursors carry them. */
export function isInstant(value: unknown): value is string {
  const bound = boundOf(value);
  return bound !== null && !bound.isDay && !(value as string).startsWith('0000');
}

/** The first instant a `from` includes, in epoch milliseconds. */
export function rangeStartOf(value: string): number {
  const bound = boundOf(value);
  if (!bound) throw new Error(`rangeStartOf: "${value}" was not validated`);
  return bound.ms;
}

/** The first instant a `to` no longer includes, in epoch milliseconds: the next day's start for a day. */
export function rangeEndOf(value: string): number {
  const bound = boundOf(value);
  if (!bound) throw new Error(`rangeEndOf: "${value}" was not validated`);
  return bound.isDay ? bound.ms + DAY_MS : bound.ms;
}

export const IsDayOrInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDayOrInstant',
      validator: {
        validate: (value) => boundOf(value) !== null,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a calendar day (YYYY-MM-DD) or an ISO 8601 instant with its offset (2025-03-01T08:00:00Z)`,
      },
    },
    options,
  );

/**
 * A `to` whose range ends after the start of the `from` in another field: `from` after `to`, and
 * an empty range (the same instant twice), are refused; `from` and `to` on the same day is that day.
 */
export const IsAfterRangeStart = (field: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isAfterRangeStart',
      constraints: [field],
      validator: {
        validate: (value, args) => {
          const end = boundOf(value);
          const start = boundOf((args?.object as Record<string, unknown>)[field]);
          return end === null || start === null || (end.isDay ? end.ms + DAY_MS : end.ms) > start.ms;
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be after ${field} (a day as ${args?.property ?? 'value'} includes that whole day)`,
      },
    },
    options,
  );
