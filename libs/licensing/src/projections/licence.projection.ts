import type { Projection } from '@ree/event-store';
import { type RecordedEvent, toGrams } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import {
  LICENCE_ALLOCATION_RELEASED,
  LICENCE_APPLIED,
  LICENCE_APPROVED,
  LICENCE_EVENT_TYPES,
  LICENCE_EXHAUSTED,
  LICENCE_EXPIRED,
  LICENCE_ISSUED,
  LICENCE_QUANTITY_ALLOCATED,
  LICENCE_QUANTITY_SHIPPED,
  LICENCE_REINSTATED,
  LICENCE_REJECTED,
  LICENCE_REVOKED,
  LICENCE_SCREENED,
  LICENCE_SUSPENDED,
  LicenceAppliedData,
  LicenceEvent,
} from '../licence/licence.events';
import { licenceIdOf } from '../licence/licence.stream';

export const LICENCE_PROJECTION = 'licensing.licences';

type Recorded = RecordedEvent & LicenceEvent;

/**
 * Licences with their items and allocations. The licence row keeps the revision of the last
 * event applied: an event at or below it has been applied already and is skipped, so a replayed
 * batch leaves the same rows.
 */
export class LicenceProjection implements Projection {
  readonly name = LICENCE_PROJECTION;
  readonly eventTypes = LICENCE_EVENT_TYPES;

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = recorded as Recorded;
      const licenceId = licenceIdOf(event.streamId);
      if (event.type === LICENCE_APPLIED) {
        await this.applied(licenceId, event.data, event, tx);
        continue;
      }
      const rows: Array<{ revision: number }> = await tx.query(
        `SELECT revision FROM licensing.licences WHERE licence_id = $1 FOR UPDATE`,
        [licenceId],
      );
      if (rows.length === 0 || rows[0].revision >= event.revision) continue;
      await this.apply(licenceId, event, tx);
      await tx.query(`UPDATE licensing.licences SET revision = $2, updated_at = $3 WHERE licence_id = $1`, [
        licenceId,
        event.revision,
        event.recordedAt,
      ]);
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE licensing.licences, licensing.licence_items, licensing.licence_allocations`);
  }

  private async applied(licenceId: string, data: LicenceAppliedData, event: Recorded, tx: EntityManager): Promise<void> {
    const { exporterOrg, destinationCountry, consignee, endUser, intendedEndUse, items } = data;
    await tx.query(
      `INSERT INTO licensing.licences (licence_id, exporter_org, status, destination_country, consignee, end_user,
         intended_end_use, applied_at, applied_position, updated_at, revision)
       VALUES ($1, $2, 'applied', $3, $4, $5, $6, $7, $8, $7, $9) ON CONFLICT (licence_id) DO NOTHING`,
      [licenceId, exporterOrg, destinationCountry, JSON.stringify(consignee), JSON.stringify(endUser), intendedEndUse, event.recordedAt, event.position, event.revision],
    );
    await tx.query(
      `INSERT INTO licensing.licence_items (licence_id, item_index, product, hs_code, element, requested_grams)
       SELECT $1, ordinality - 1, product, hs_code, element, grams
         FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS i(product, hs_code, element, grams, ordinality)
       ON CONFLICT (licence_id, item_index) DO NOTHING`,
      [licenceId, items.map((i) => i.product), items.map((i) => i.hsCode), items.map((i) => i.element), items.map((i) => toGrams(i.quantityKg))],
    );
  }

  private async apply(licenceId: string, event: Recorded, tx: EntityManager): Promise<void> {
    const status = (value: string, reason: string | null = null) =>
      tx.query(`UPDATE licensing.licences SET status = $2, status_reason = $3 WHERE licence_id = $1`, [licenceId, value, reason]);
    switch (event.type) {
      case LICENCE_SCREENED:
        await tx.query(
          `UPDATE licensing.licences SET screening = $2, status = CASE WHEN status = 'applied' THEN 'screened' ELSE status END
            WHERE licence_id = $1`,
          [licenceId, JSON.stringify(event.data)],
        );
        return;
      case LICENCE_APPROVED: {
        const { validFrom, validUntil, conditions, issuedQuantityKg, approvedBy } = event.data;
        await tx.query(
          `UPDATE licensing.licences SET status = 'approved', valid_from = $2, valid_until = $3, conditions = $4, approved_by = $5
            WHERE licence_id = $1`,
          [licenceId, validFrom, validUntil, JSON.stringify(conditions), approvedBy],
        );
        await tx.query(
          `UPDATE licensing.licence_items i SET issued_grams = q.grams
             FROM unnest($2::bigint[]) WITH ORDINALITY AS q(grams, ordinality)
            WHERE i.licence_id = $1 AND i.item_index = q.ordinality - 1`,
          [licenceId, issuedQuantityKg.map(toGrams)],
        );
        return;
      }
      case LICENCE_ISSUED:
        await tx.query(`UPDATE licensing.licences SET status = 'issued', countersigned_by = $2 WHERE licence_id = $1`, [
          licenceId,
          event.data.countersignedBy,
        ]);
        return;
      case LICENCE_SUSPENDED:
        await tx.query(`UPDATE licensing.licences SET status = 'suspended', status_reason = $2, suspended_by = $3 WHERE licence_id = $1`, [
          licenceId,
          event.data.reason,
          event.data.suspendedBy,
        ]);
        return;
      case LICENCE_REINSTATED:
        await tx.query(`UPDATE licensing.licences SET status = 'issued', status_reason = $2, suspended_by = NULL WHERE licence_id = $1`, [
          licenceId,
          event.data.reason,
        ]);
        return;
      case LICENCE_REJECTED:
        await status('rejected', event.data.reason);
        return;
      case LICENCE_REVOKED:
        await status('revoked', event.data.reason);
        return;
      case LICENCE_EXPIRED:
        await status('expired');
        return;
      case LICENCE_EXHAUSTED:
        await status('exhausted');
        return;
      default:
        await this.quantities(licenceId, event, tx);
    }
  }

  private async quantities(licenceId: string, event: Recorded, tx: EntityManager): Promise<void> {
    switch (event.type) {
      case LICENCE_QUANTITY_ALLOCATED: {
        const { consignmentId, itemIndex, kg } = event.data;
        await tx.query(
          `INSERT INTO licensing.licence_allocations (licence_id, consignment_id, item_index, allocated_grams, allocated_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (licence_id, consignment_id) DO UPDATE
             SET item_index = $3, allocated_grams = $4, released_grams = 0, shipped_grams = 0, allocated_at = $5`,
          [licenceId, consignmentId, itemIndex, toGrams(kg), event.recordedAt],
        );
        return;
      }
      case LICENCE_ALLOCATION_RELEASED:
        await tx.query(
          `UPDATE licensing.licence_allocations SET released_grams = released_grams + $3 WHERE licence_id = $1 AND consignment_id = $2`,
          [licenceId, event.data.consignmentId, toGrams(event.data.kg)],
        );
        return;
      case LICENCE_QUANTITY_SHIPPED:
        await tx.query(
          `UPDATE licensing.licence_allocations SET shipped_grams = $3 WHERE licence_id = $1 AND consignment_id = $2`,
          [licenceId, event.data.consignmentId, toGrams(event.data.kg)],
        );
        return;
    }
  }
}
