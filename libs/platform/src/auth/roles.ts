import { SetMetadata } from '@nestjs/common';

/** The roles (docs/domain.md, "Roles"), as the `role` claim of a JWT. `system` is the worker's own actor. */
export const ROLES = ['exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'ree:roles';
export const PUBLIC_KEY = 'ree:public';

/** The roles allowed on a route. A route without `@Roles` or `@Public` is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route that needs no token (health probes, the anchors' public key). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
