import type { Projection } from '@ree/event-store';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import {
  RESTRICTED_PARTY_DELISTED,
  RESTRICTED_PARTY_EVENT_TYPES,
  RESTRICTED_PARTY_LISTED,
  RestrictedPartyEvent,
  RestrictedPartyListedData,
} from '../restricted-party/restricted-party.events';
import { partyIdOf } from '../restricted-party/restricted-party.stream';
import { normaliseName } from '../screening/name-normaliser';
import { skeletonise } from '../screening/name-matcher';

/** The projection name is also where screening reads the list's position (`projections.checkpoints`). */
export const RESTRICTED_PARTY_PROJECTION = 'registry.restricted-parties';

/**
 * The restricted list, with every name and alias normalised for the list's search and with the
 * skeleton that screening compares, computed here once per listing. A replayed listing
 * never undoes a delisting that came after it: a delisted row stays delisted.
 */
export class RestrictedPartyProjection implements Projection {
  readonly name = RESTRICTED_PARTY_PROJECTION;
  readonly eventTypes = RESTRICTED_PARTY_EVENT_TYPES;

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = recorded as RecordedEvent & RestrictedPartyEvent;
      const partyId = partyIdOf(event.streamId);
      if (event.type === RESTRICTED_PARTY_LISTED) await this.listed(partyId, event.data, event.recordedAt, tx);
      if (event.type === RESTRICTED_PARTY_DELISTED) {
        await tx.query(
          `UPDATE registry.restricted_parties SET status = 'delisted', delisted_at = $2, delisting_reason = $3 WHERE party_id = $1`,
          [partyId, event.recordedAt, event.data.reason],
        );
      }
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE registry.restricted_parties, registry.restricted_party_names`);
  }

  private async listed(partyId: string, party: RestrictedPartyListedData, at: string, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO registry.restricted_parties (party_id, name, aliases, country, reason, list_reference, status, listed_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'listed', $7)
       ON CONFLICT (party_id) DO UPDATE SET name = $2, aliases = $3, country = $4, reason = $5, list_reference = $6, listed_at = $7`,
      [partyId, party.name, JSON.stringify(party.aliases), party.country, party.reason, party.listReference, at],
    );
    const names = [party.name, ...party.aliases.filter((alias) => alias !== party.name)];
    const skeletons = names.map(skeletonise);
    await tx.query(
      `INSERT INTO registry.restricted_party_names (party_id, name, normalised, is_alias, skeleton, skeleton_sorted, skeleton_compact)
       SELECT $1, name, normalised, ordinality > 1, skeleton, sorted, compact
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS n(name, normalised, skeleton, sorted, compact, ordinality)
       ON CONFLICT (party_id, name) DO NOTHING`,
      [partyId, names, names.map(normaliseName), skeletons.map((s) => s.skeleton), skeletons.map((s) => s.sorted), skeletons.map((s) => s.compact)],
    );
  }
}
