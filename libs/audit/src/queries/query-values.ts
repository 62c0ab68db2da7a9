/** Stream revisions are PostgreSQL integers. */
export const MAX_REVISION = 2_147_483_647;

/**
 * A query value written in digits becomes a number; anything else (`1.5`, `1e3`, an empty or a
 * repeated parameter) stays as sent and fails `IsInt`, so that the 400 names the field. A plain
 * `Number()` would turn `?untilRevision=` into revision 0.
 */
export const toWholeNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
