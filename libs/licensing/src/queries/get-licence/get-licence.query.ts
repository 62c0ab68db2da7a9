import type { Actor } from '@ree/shared-kernel';

/** A licence with its items, quantities, latest screening and the consignments holding allocations on it. */
export class GetLicenceQuery {
  constructor(
    readonly licenceId: string,
    readonly viewer: Actor,
  ) {}
}
