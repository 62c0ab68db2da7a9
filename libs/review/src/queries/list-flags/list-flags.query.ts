import type { Actor } from '@ree/shared-kernel';

export interface FlagFilter {
  readonly code?: string;
  readonly severity?: string;
  /** True: open flags only; false: cleared flags only. */
  readonly open: boolean;
}

/** Red flags across consignments, newest raised first, one page at a time; an exporter's own only. */
export class ListFlagsQuery {
  constructor(
    readonly filter: FlagFilter,
    readonly viewer: Actor,
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}
