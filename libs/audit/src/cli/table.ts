/** Columns padded to their widest cell, two spaces apart; the last column is never padded. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/** At most `max` characters, an ellipsis marking what was cut. */
export const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** `2025-03-01T09:00:00.000Z` as `2025-03-01 09:00:00` (UTC, to the second). */
export const utcSecond = (instant: string): string => instant.replace('T', ' ').replace(/(\.\d+)?Z$/, '');

/** `licence-6f1c2b7e-0000-…` as `licence-6f1c2b7e`: enough to tell streams apart in a table. */
export const shortStream = (streamId: string): string => streamId.replace(/^([a-z-]+?-[0-9a-f]{8})-[0-9a-f-]+$/, '$1');
