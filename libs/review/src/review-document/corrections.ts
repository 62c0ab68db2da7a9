/**
 * A correction takes the place of the entry it corrects, so that the lists show what is in force
 * in the order it was first declared; the timeline keeps both. A correction of an unknown entry
 * is appended.
 */
export function replaceOrAppend<T>(list: readonly T[], idOf: (entry: T) => string, correctsId: string | null, entry: T): T[] {
  const index = correctsId === null ? -1 : list.findIndex((existing) => idOf(existing) === correctsId);
  if (index < 0) return [...list, entry];
  return list.map((existing, position) => (position === index ? entry : existing));
}
