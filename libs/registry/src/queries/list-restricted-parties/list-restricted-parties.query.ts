/** The restricted list by name, or, with `query`, the parties whose names resemble it best first. */
export class ListRestrictedPartiesQuery {
  constructor(
    readonly limit: number,
    readonly query?: string,
    readonly country?: string,
    readonly cursor?: string,
  ) {}
}
