import type { Actor } from '@ree/shared-kernel';
import { Role, ROLES } from './roles';

/** The roles a token may carry over HTTP: `system` is the worker's own actor and never a caller. */
export const HTTP_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'system');

/** A verified token whose claims do not describe a caller this API knows. */
export class InvalidClaims extends Error {
  override readonly name = 'InvalidClaims';
}

/**
 * The actor named by a token's verified claims: `sub`, `role` (one of {@link HTTP_ROLES}),
 * `org` (required for exporters, whose every command acts for that organisation) and `name`.
 */
export function actorFromClaims(claims: unknown): Actor {
  if (typeof claims !== 'object' || claims === null) throw new InvalidClaims('the token carries no claims');
  const { sub, role, org, name } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidClaims('the token has no subject');
  if (typeof role !== 'string' || !(HTTP_ROLES as readonly string[]).includes(role)) {
    throw new InvalidClaims('the token has no role this API accepts');
  }
  if (org !== undefined && (typeof org !== 'string' || org.length === 0)) throw new InvalidClaims('org must be a string');
  if (role === 'exporter' && org === undefined) throw new InvalidClaims('an exporter token must name its organisation');
  if (name !== undefined && typeof name !== 'string') throw new InvalidClaims('name must be a string');
  return { sub, role, ...(org !== undefined && { org }), ...(name !== undefined && { name }) };
}
