/** How far back a history looks: the `asOf` and `untilRevision` of docs/api.md, "Audit", both optional. */
export interface HistoryLimits {
  /** ISO 8601 instant: only what had been recorded by then, inclusive. */
  readonly asOf?: string;
  /** Only up to this revision of the consignment's stream, inclusive. */
  readonly untilRevision?: number;
}

/** A consignment's events and those of the streams it drew on, with the review document as it stood then. */
export class GetConsignmentHistoryQuery {
  constructor(
    readonly consignmentId: string,
    readonly limits: HistoryLimits,
  ) {}
}
