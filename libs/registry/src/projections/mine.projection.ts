import type { Projection } from '@ree/event-store';
import { type RecordedEvent, toGrams } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import {
  MINE_EVENT_TYPES,
  MINE_REGISTERED,
  MineEvent,
  MINING_QUOTA_ALLOCATED,
  MINING_QUOTA_DRAWN,
  MINING_QUOTA_RETURNED,
} from '../mine/mine.events';
import { mineIdOf } from '../mine/mine.stream';

/**
 * Mines, their quota batches and the draws on them. Every write is an upsert keyed by the mine,
 * the allocating event or the drawing declaration, so a replayed batch leaves the same rows.
 */
export class MineProjection implements Projection {
  readonly name = 'registry.mines';
  readonly eventTypes = MINE_EVENT_TYPES;

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const recorded of events) await this.apply(recorded as RecordedEvent & MineEvent, tx);
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE registry.mines, registry.mine_quota_allocations, registry.mine_quota_draws`);
  }

  private async apply(event: RecordedEvent & MineEvent, tx: EntityManager): Promise<void> {
    const mineId = mineIdOf(event.streamId);
    switch (event.type) {
      case MINE_REGISTERED: {
        const { name, operator, region, country, miningLicenceNo, depositType } = event.data;
        await tx.query(
          `INSERT INTO registry.mines (mine_id, name, operator, region, country, mining_licence_no, deposit_type, registered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (mine_id) DO UPDATE SET name = $2, operator = $3, region = $4, country = $5,
             mining_licence_no = $6, deposit_type = $7, registered_at = $8`,
          [mineId, name, operator, region, country, miningLicenceNo, depositType, event.recordedAt],
        );
        return;
      }
      case MINING_QUOTA_ALLOCATED: {
        const { allocationId, year, category, quotaKgReo } = event.data;
        await tx.query(
          `INSERT INTO registry.mine_quota_allocations (event_id, allocation_id, mine_id, year, category, quota_grams, allocated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
          [event.eventId, allocationId, mineId, year, category, toGrams(quotaKgReo), event.recordedAt],
        );
        return;
      }
      case MINING_QUOTA_DRAWN: {
        const { declarationId, consignmentId, year, category, kgReo } = event.data;
        await tx.query(
          `INSERT INTO registry.mine_quota_draws (mine_id, declaration_id, consignment_id, year, category, drawn_grams)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (mine_id, declaration_id) DO UPDATE SET drawn_grams = $6`,
          [mineId, declarationId, consignmentId, year, category, toGrams(kgReo)],
        );
        return;
      }
      case MINING_QUOTA_RETURNED: {
        const { declarationId, consignmentId, year, category, kgReo, reason } = event.data;
        await tx.query(
          `INSERT INTO registry.mine_quota_draws (mine_id, declaration_id, consignment_id, year, category, returned_grams, return_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (mine_id, declaration_id) DO UPDATE SET returned_grams = $6, return_reason = $7`,
          [mineId, declarationId, consignmentId, year, category, toGrams(kgReo), reason],
        );
        return;
      }
    }
  }
}
