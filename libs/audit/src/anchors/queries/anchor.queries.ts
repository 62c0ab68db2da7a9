/** Anchors, newest first, one page at a time. */
export class ListAnchorsQuery {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}

/** One anchor by id, or the latest (`'latest'`). */
export class GetAnchorQuery {
  constructor(readonly anchorId: string | 'latest') {}
}

/** The inclusion proof of an event against the latest anchor. */
export class GetEventProofQuery {
  constructor(readonly eventId: string) {}
}

/** An anchor checked against the store as it is now. */
export class CheckAnchorQuery {
  constructor(readonly anchorId: string) {}
}
