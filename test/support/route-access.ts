/**
 * Who may call each route of the API: the authorisation matrix of docs/quality.md, written out by hand
 * so that a change to a route's `@Roles` (or a new route) has to change this table too.
 * `test/e2e/reliability/authorization-matrix.e2e-spec.ts` fails when a served route has no row here, or
 * a row names a route that is no longer served. Keys are `METHOD path`, in Express's `:param` syntax.
 */

/** The roles a person can hold (`system` is the worker's own and never accepted over HTTP). */
export const PERSON_ROLES = ['exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** `public`: no token needed; otherwise the only roles that get past authorisation. */
export type Access = 'public' | readonly PersonRole[];

const EVERYONE: readonly PersonRole[] = PERSON_ROLES;
const OFFICIALS: readonly PersonRole[] = ['licensing-officer', 'customs-agent', 'auditor', 'admin'];
const OFFICER: readonly PersonRole[] = ['licensing-officer'];
const EXPORTER: readonly PersonRole[] = ['exporter'];
const CUSTOMS: readonly PersonRole[] = ['customs-agent'];
const AUDIT_READERS: readonly PersonRole[] = ['auditor', 'licensing-officer'];
const ANCHOR_READERS: readonly PersonRole[] = ['auditor', 'licensing-officer', 'admin'];
const ANCHOR_TAKERS: readonly PersonRole[] = ['auditor', 'admin'];

export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs/index.html': 'public',
  'GET /api/docs/LICENSE': 'public',
  'GET /api/docs/swagger-ui-init.js': 'public',
  'GET /api/docs/docs/swagger-ui-init.js': 'public',
  'GET /api/docs-json': 'public',
  'GET /api/docs-yaml': 'public',

  'POST /api/v1/mines': OFFICER,
  'POST /api/v1/mines/:mineId/quotas': OFFICER,
  'GET /api/v1/mines': EVERYONE,
  'GET /api/v1/mines/:mineId': EVERYONE,
  'POST /api/v1/restricted-parties': OFFICER,
  'POST /api/v1/restricted-parties/:partyId/delist': OFFICER,
  'GET /api/v1/restricted-parties': OFFICIALS,
  'GET /api/v1/screening': OFFICIALS,
  'POST /api/v1/control-list/announcements': OFFICER,
  'POST /api/v1/control-list/announcements/:announcementId/adopt': OFFICER,
  'POST /api/v1/control-list/announcements/:announcementId/reject': OFFICER,
  'GET /api/v1/control-list/announcements/:announcementId': EVERYONE,
  'GET /api/v1/control-list': EVERYONE,
  'GET /api/v1/control-list/history': EVERYONE,
  'GET /api/v1/classification': EVERYONE,
  'POST /api/v1/restricted-lists': OFFICER,
  'GET /api/v1/restricted-lists': OFFICIALS,
  'POST /api/v1/ownership': OFFICER,
  'POST /api/v1/ownership/:factId/end': OFFICER,
  'GET /api/v1/ownership': OFFICIALS,

  'POST /api/v1/licences': EXPORTER,
  'POST /api/v1/licences/:licenceId/approve': OFFICER,
  'POST /api/v1/licences/:licenceId/issue': OFFICER,
  'POST /api/v1/licences/:licenceId/reject': OFFICER,
  'POST /api/v1/licences/:licenceId/suspend': OFFICER,
  'POST /api/v1/licences/:licenceId/reinstate': OFFICER,
  'POST /api/v1/licences/:licenceId/revoke': OFFICER,
  'GET /api/v1/licences': EVERYONE,
  'GET /api/v1/licences/:licenceId': EVERYONE,

  'POST /api/v1/consignments': EXPORTER,
  'POST /api/v1/consignments/:id/mining-sources': EXPORTER,
  'POST /api/v1/consignments/:id/mining-sources/:declarationId/corrections': EXPORTER,
  'POST /api/v1/consignments/:id/processing-steps': EXPORTER,
  'POST /api/v1/consignments/:id/processing-steps/:stepId/corrections': EXPORTER,
  'POST /api/v1/consignments/:id/licence': EXPORTER,
  'POST /api/v1/consignments/:id/end-use-declaration': EXPORTER,
  'POST /api/v1/consignments/:id/licence-notices': OFFICER,
  'POST /api/v1/consignments/:id/shipment': CUSTOMS,
  'POST /api/v1/consignments/:id/shipment/inspection': CUSTOMS,
  'POST /api/v1/consignments/:id/shipment/hold': CUSTOMS,
  'POST /api/v1/consignments/:id/shipment/lift-hold': CUSTOMS,
  'POST /api/v1/consignments/:id/shipment/release': CUSTOMS,
  'POST /api/v1/consignments/:id/shipment/departure': CUSTOMS,
  'POST /api/v1/consignments/:id/shipment/arrival': CUSTOMS,
  'POST /api/v1/consignments/:id/end-use-checks': OFFICER,
  'POST /api/v1/consignments/:id/cancel': EXPORTER,
  'POST /api/v1/consignments/:id/close': OFFICER,
  'GET /api/v1/consignments/:id/history': AUDIT_READERS,
  'GET /api/v1/consignments/:id/integrity': AUDIT_READERS,
  'GET /api/v1/audit/public-key': 'public',
  'GET /api/v1/audit/keys': 'public',
  'POST /api/v1/audit/anchors/:anchorId/check': ANCHOR_READERS,
  'POST /api/v1/audit/anchors': ANCHOR_TAKERS,
  'GET /api/v1/audit/anchors': ANCHOR_READERS,
  'GET /api/v1/audit/anchors/latest': ANCHOR_READERS,
  'GET /api/v1/audit/anchors/:anchorId': ANCHOR_READERS,
  'GET /api/v1/audit/events/:eventId/proof': AUDIT_READERS,

  'GET /api/v1/consignments': EVERYONE,
  'GET /api/v1/consignments/:id/review': EVERYONE,
  'GET /api/v1/flags': EVERYONE,
  'GET /api/v1/statistics/exports': EVERYONE,

  'GET /api/v1/admin/projections': ['admin', 'auditor'],
  'GET /api/v1/admin/projections/:name': ['admin', 'auditor'],
  'POST /api/v1/admin/projections/:name/rebuild': ['admin'],
  'GET /api/v1/admin/jobs': ['admin'],
  'GET /api/v1/admin/integrity': ['admin'],
  'GET /api/v1/admin/jobs/:queue': ['admin'],
  'POST /api/v1/admin/jobs/:queue/:jobId/retry': ['admin'],
};

/** The first role that may call a route with this access (any role for a public one). */
export function aRoleAllowed(access: Access): PersonRole {
  return access === 'public' ? 'auditor' : access[0];
}
