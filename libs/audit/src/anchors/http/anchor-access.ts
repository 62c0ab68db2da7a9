import type { Role } from '@ree/platform/auth';

/**
 * Who may read anchors (docs/api.md, "Audit"): auditors, licensing officers, and admins, who may take
 * one and so see what they took. An anchor holds hashes and counts, nothing of any organisation.
 */
export const ANCHOR_READERS: Role[] = ['auditor', 'licensing-officer', 'admin'];

/**
 * Who may check an anchor against the store: its readers. The findings hold stream ids,
 * revisions, positions and hashes, as anchors and leaves do, nothing of any organisation.
 */
export const ANCHOR_CHECKERS: Role[] = ANCHOR_READERS;

/** Who may take an anchor now (docs/api.md, "Audit": auditors and admins). */
export const ANCHOR_TAKERS: Role[] = ['auditor', 'admin'];

/**
 * Who may read an event's proof: the proof shows the event and the later events of its stream,
 * so the readers of the history (auditors and licensing officers), never exporters.
 */
export const PROOF_READERS: Role[] = ['auditor', 'licensing-officer'];
