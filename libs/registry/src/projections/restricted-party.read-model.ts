import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A party on the restricted list, listed or delisted. */
@Entity({ schema: 'registry', name: 'restricted_parties' })
export class RestrictedPartyReadModel {
  @PrimaryColumn({ name: 'party_id', type: 'text' }) partyId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'jsonb' }) aliases: string[];
  @Column({ type: 'text' }) country: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'list_reference', type: 'text' }) listReference: string;
  @Column({ type: 'text' }) status: 'listed' | 'delisted';
  @Column({ name: 'listed_at', type: 'timestamptz' }) listedAt: Date;
  @Column({ name: 'delisted_at', type: 'timestamptz', nullable: true }) delistedAt: Date | null;
  @Column({ name: 'delisting_reason', type: 'text', nullable: true }) delistingReason: string | null;
  /** The party's list; the Unreliable Entity List for a listing recorded before there were lists. */
  @Column({ name: 'list_id', type: 'text' }) listId: string;
}

/**
 * Every name and alias of a party: normalised for the list's search (`normalised`), and with its
 * confusable skeleton and the two keys screening scores (`skeleton_sorted`, `skeleton_compact`,
 * each with a GIN trigram index), computed once when the party is listed.
 */
@Entity({ schema: 'registry', name: 'restricted_party_names' })
export class RestrictedPartyNameReadModel {
  @PrimaryColumn({ name: 'party_id', type: 'text' }) partyId: string;
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column({ type: 'text' }) normalised: string;
  @Column({ type: 'text' }) skeleton: string;
  @Column({ name: 'skeleton_sorted', type: 'text' }) skeletonSorted: string;
  @Column({ name: 'skeleton_compact', type: 'text' }) skeletonCompact: string;
  @Column({ name: 'is_alias', type: 'boolean' }) isAlias: boolean;
}
