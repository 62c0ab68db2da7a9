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
}

/** Every name and alias of a party, normalised for screening (GIN trigram index on `normalised`). */
@Entity({ schema: 'registry', name: 'restricted_party_names' })
export class RestrictedPartyNameReadModel {
  @PrimaryColumn({ name: 'party_id', type: 'text' }) partyId: string;
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column({ type: 'text' }) normalised: string;
  @Column({ name: 'is_alias', type: 'boolean' }) isAlias: boolean;
}
