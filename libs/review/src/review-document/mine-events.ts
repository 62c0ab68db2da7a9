import type { MineEvent } from '@ree/registry/domain';
import { mineIdOf } from '@ree/registry/domain';
import type { RecordedEvent } from '@ree/shared-kernel';
import { ignored, type Applied, type Review } from './review';

/**
 * A mine event matters only through this consignment's declarations: the registration names the
 * mine beside its sources, and a draw or return keyed by one of its declarations shows the quota.
 */
export function applyMineEvent(review: Review, event: RecordedEvent & MineEvent): Applied {
  switch (event.type) {
    case 'MineRegistered':
      return { review: { ...review, mines: { ...review.mines, [mineIdOf(event.streamId)]: { name: event.data.name } } }, concerns: false, stage: null };
    case 'MiningQuotaDrawn':
    case 'MiningQuotaReturned': {
      if (event.data.consignmentId !== review.document.consignmentId) return ignored(review);
      const quota = event.type === 'MiningQuotaDrawn' ? 'drawn' : 'returned';
      return { review: { ...review, draws: { ...review.draws, [event.data.declarationId]: quota } }, concerns: true, stage: 'mining' };
    }
    default:
      return ignored(review);
  }
}
