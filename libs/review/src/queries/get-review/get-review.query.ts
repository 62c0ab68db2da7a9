import type { Actor } from '@ree/shared-kernel';

/** A consignment's whole-process review document, as the review projection last stored it. */
export class GetReviewQuery {
  constructor(
    readonly consignmentId: string,
    readonly viewer: Actor,
  ) {}
}
