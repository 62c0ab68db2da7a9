import type { Role } from '@ree/platform/auth';

/**
 * Who may read a consignment's history and integrity (docs/api.md, "Audit"): auditors, and licensing
 * officers, who may read. Exporters never: the history holds the licence's and the mines' streams,
 * which name other organisations' consignments.
 */
export const AUDIT_READERS: Role[] = ['auditor', 'licensing-officer'];
