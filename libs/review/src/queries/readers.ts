import type { Role } from '@ree/platform/auth';
import type { Actor } from '@ree/shared-kernel';
import { FLAG_STAGES } from '../review-document/stages';

/**
 * Who may read the review (docs/api.md, "The whole-process review"): every person's role; exporters
 * see their own organisation's consignments only, the others see all. `system` is the worker's.
 */
export const REVIEW_READERS: Role[] = ['exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin'];

/** The organisation a reader is limited to, or null for the roles that see every consignment. */
export const ownOrganisationOf = (viewer: Actor): string | null => (viewer.role === 'exporter' ? (viewer.org ?? '') : null);

/** Every red flag (docs/domain.md, "Red flags"), those folded from events and those appended by jobs alike. */
export const RED_FLAG_CODES: readonly string[] = Object.keys(FLAG_STAGES);

/** Least to most urgent: the order in which `highestSeverity` is chosen. */
export const FLAG_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type FlagSeverityName = (typeof FLAG_SEVERITIES)[number];

/** The most urgent of a consignment's open severities, or null when no flag is open. */
export function highestSeverityOf(severities: readonly string[]): FlagSeverityName | null {
  const ranks = severities.map((severity) => FLAG_SEVERITIES.indexOf(severity as FlagSeverityName)).filter((rank) => rank >= 0);
  return ranks.length === 0 ? null : FLAG_SEVERITIES[Math.max(...ranks)];
}
