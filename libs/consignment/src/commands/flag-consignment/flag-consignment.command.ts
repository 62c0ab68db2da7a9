import type { ConsignmentFlaggedData } from '../../consignment/consignment.events';

/**
 * The system raises a red flag on a consignment (`ConsignmentFlagged`, docs/domain.md, "Streams and events"): a job that
 * watches a deadline or a registry, never a request body.
 */
export interface FlagConsignmentCommand extends ConsignmentFlaggedData {
  readonly consignmentId: string;
}
