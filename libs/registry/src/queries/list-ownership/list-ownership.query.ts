/** The ownership registry's facts, by company (as owner or owned, matched as the walk matches) and status. */
export class ListOwnershipQuery {
  constructor(
    readonly limit: number,
    readonly company?: string,
    readonly country?: string,
    readonly status?: 'in-force' | 'ended',
    readonly cursor?: string,
  ) {}
}
