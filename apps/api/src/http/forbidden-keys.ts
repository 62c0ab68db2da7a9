/**
 * Keys that could reach an object's prototype through a merge or a class-transformer copy.
 * JSON.parse keeps `__proto__` as an own key, so a body is checked before anything copies it.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key in a parsed body or query, if any (depth-first). */
export function findForbiddenKey(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value !== 'object' || value === null || depth > 64) return undefined;
  for (const key of Object.keys(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && FORBIDDEN.has(key)) return here;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], here, depth + 1);
    if (found) return found;
  }
  return undefined;
}
