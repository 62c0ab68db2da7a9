import type { Actor } from '@ree/shared-kernel';

export interface ConsignmentFilter {
  readonly status?: string;
  readonly flag?: string;
  readonly severity?: string;
  readonly exporterOrg?: string;
  readonly destinationCountry?: string;
  readonly element?: string;
  readonly controlCode?: string;
  readonly controlled?: boolean;
  /** Registered at or after, in epoch milliseconds. */
  readonly registeredFrom?: number;
  /** Registered before, in epoch milliseconds. */
  readonly registeredBefore?: number;
}

/** The reviewers' search: newest registered first, one page at a time; an exporter's own only. */
export class SearchConsignmentsQuery {
  constructor(
    readonly filter: ConsignmentFilter,
    readonly viewer: Actor,
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}
