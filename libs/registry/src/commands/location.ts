import type { Request } from 'express';

/** The `Location` of a created resource: the collection the request was posted to, plus the new id. */
export function locationOf(request: Request, id: string): string {
  const path = request.originalUrl.split('?')[0].replace(/\/+$/, '');
  return `${path}/${encodeURIComponent(id)}`;
}
