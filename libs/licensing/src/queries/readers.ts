import type { Role } from '@ree/platform/auth';
import type { Actor } from '@ree/shared-kernel';

/**
 * Who may read licences (README, "Who may do what"): exporters their own organisation's only;
 * officers, customs, auditors and admin all of them (customs checks the licence at the border).
 */
export const LICENCE_READERS: Role[] = ['exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin'];

/** The organisation a reader is limited to, or null for the roles that see every licence. */
export const ownOrganisationOf = (viewer: Actor): string | null => (viewer.role === 'exporter' ? (viewer.org ?? '') : null);
