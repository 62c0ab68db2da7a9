import { FoldingProjection, streamRows, type RowChange, type StreamBatch } from '@ree/event-store';
import type { EntityManager } from 'typeorm';
import { listIdOfListing } from '../restricted-list/reference-lists';
import { RESTRICTED_PARTY_EVENT_TYPES, type RestrictedPartyListedData } from '../restricted-party/restricted-party.events';
import type { RestrictedPartyStatus } from '../restricted-party/restricted-party.state';
import { restrictedPartyStream } from '../restricted-party/restricted-party.stream';
import { normaliseName } from '../screening/name-normaliser';
import { skeletonise } from '../screening/name-matcher';
import { evolveRestrictedPartyRow, initialRestrictedPartyRow, restrictedPartyEventApplied, type RestrictedPartyRow } from './restricted-party-row';

/** The projection name is also where screening reads the list's position (`projections.checkpoints`). */
export const RESTRICTED_PARTY_PROJECTION = 'registry.restricted-parties';

interface PartyColumns {
  party_id: string;
  name: string;
  aliases: string[];
  country: string;
  reason: string;
  list_reference: string;
  status: RestrictedPartyStatus;
  listed_at: string;
  delisted_at: string | null;
  delisting_reason: string | null;
  list_id: string;
}

const PARTY_TYPES: Record<keyof PartyColumns, string> = {
  party_id: 'text', name: 'text', aliases: 'jsonb', country: 'text', reason: 'text', list_reference: 'text', status: 'text',
  listed_at: 'timestamptz', delisted_at: 'timestamptz', delisting_reason: 'text', list_id: 'text',
};
const COLUMNS = Object.keys(PARTY_TYPES);
const UPSERT_PARTIES = `
  INSERT INTO registry.restricted_parties (${COLUMNS.join(', ')})
  SELECT ${COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.map((column) => `${column} ${PARTY_TYPES[column as keyof PartyColumns]}`).join(', ')})
  ON CONFLICT (party_id) DO UPDATE SET ${COLUMNS.slice(1).map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function rowOf(party: PartyColumns): RestrictedPartyRow {
  const { party_id: partyId, name, aliases, country, reason, list_reference: listReference, status, list_id: listId } = party;
  return {
    partyId,
    state: { status, listing: { partyId, name, aliases, country, reason, listReference, listId } },
    listedAt: iso(party.listed_at),
    delistedAt: iso(party.delisted_at),
    delistingReason: party.delisting_reason,
  };
}

function columnsOf({ partyId, state, listedAt, delistedAt, delistingReason }: RestrictedPartyRow): PartyColumns | null {
  const { listing, status } = state;
  if (listing === null || listedAt === null) return null;
  const { name, aliases, country, reason, listReference } = listing;
  return {
    party_id: partyId, name, aliases: [...aliases], country, reason, list_reference: listReference, status, listed_at: listedAt, delisted_at: delistedAt,
    delisting_reason: delistingReason, list_id: listIdOfListing(listing),
  };
}

/** Every name and alias of a newly listed party, normalised and with the skeleton that screening compares, computed once here. */
async function saveNames(listings: readonly RestrictedPartyListedData[], tx: EntityManager): Promise<void> {
  const names = listings.flatMap((listing) => [listing.name, ...listing.aliases.filter((alias) => alias !== listing.name)].map((name, index) => ({ listing, name, alias: index > 0 })));
  if (names.length === 0) return;
  const skeletons = names.map(({ name }) => skeletonise(name));
  await tx.query(
    `INSERT INTO registry.restricted_party_names (party_id, name, normalised, is_alias, skeleton, skeleton_sorted, skeleton_compact)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[])
     ON CONFLICT (party_id, name) DO NOTHING`,
    [
      names.map(({ listing }) => listing.partyId), names.map(({ name }) => name), names.map(({ name }) => normaliseName(name)), names.map(({ alias }) => alias),
      skeletons.map((s) => s.skeleton), skeletons.map((s) => s.sorted), skeletons.map((s) => s.compact),
    ],
  );
}

const restrictedPartyTables = {
  async load(partyIds: readonly string[], tx: EntityManager): Promise<Map<string, RestrictedPartyRow>> {
    const parties: PartyColumns[] = await tx.query(`SELECT ${COLUMNS.join(', ')} FROM registry.restricted_parties WHERE party_id = ANY($1::text[])`, [[...partyIds]]);
    return new Map(parties.map((party) => [party.party_id, rowOf(party)]));
  },
  async save(changes: ReadonlyArray<RowChange<RestrictedPartyRow>>, tx: EntityManager): Promise<void> {
    const parties = changes.map(({ after }) => columnsOf(after)).filter((party) => party !== null);
    if (parties.length > 0) await tx.query(UPSERT_PARTIES, [JSON.stringify(parties)]);
    const listed = changes.filter(({ before, after }) => after.state.listing !== null && before?.state.listing !== after.state.listing);
    await saveNames(listed.map(({ after }) => after.state.listing!), tx);
  },
  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE registry.restricted_parties, registry.restricted_party_names`);
  },
};

/**
 * The restricted list in the one shape of projections: a batch loads the parties its events name, folds them with
 * the decider's `evolveRestrictedParty` and upserts them; every name and alias of a new listing is stored normalised
 * for the list's search and with the skeleton that screening compares, computed here once per listing. A replayed
 * listing never undoes a delisting that came after it: a delisted row stays delisted.
 */
export class RestrictedPartyProjection extends FoldingProjection<StreamBatch<RestrictedPartyRow>> {
  constructor() {
    super(
      streamRows({
        stream: restrictedPartyStream,
        initial: initialRestrictedPartyRow,
        applied: restrictedPartyEventApplied,
        evolve: evolveRestrictedPartyRow,
        ...restrictedPartyTables,
      }),
      { name: RESTRICTED_PARTY_PROJECTION, eventTypes: RESTRICTED_PARTY_EVENT_TYPES },
    );
  }
}
