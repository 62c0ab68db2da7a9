import type { Role } from '@ree/platform/auth';

/**
 * Who may read the registries (README, "Who may do what"). Mines are read by every human role:
 * exporters declare their mining sources against them. The restricted list and screening are
 * kept from exporters, who could otherwise probe the list to route around it.
 */
export const MINE_READERS: Role[] = ['exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin'];
export const RESTRICTED_LIST_READERS: Role[] = ['licensing-officer', 'customs-agent', 'auditor', 'admin'];

/** The control list is public law: every authenticated role reads it, and classifies items by it. */
export const CONTROL_LIST_READERS: Role[] = ['exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin'];
