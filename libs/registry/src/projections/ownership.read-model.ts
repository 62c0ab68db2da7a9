import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A restricted list with its consequence. */
@Entity({ schema: 'registry', name: 'restricted_lists' })
export class RestrictedListReadModel {
  @PrimaryColumn({ name: 'list_id', type: 'text' }) listId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text' }) consequence: 'refuse' | 'licence-required' | 'flag';
  @Column({ name: 'defined_at', type: 'timestamptz' }) definedAt: Date;
}

/** One fact of the ownership registry, with the company keys the walk follows. */
@Entity({ schema: 'registry', name: 'ownership_facts' })
export class OwnershipFactReadModel {
  @PrimaryColumn({ name: 'fact_id', type: 'text' }) factId: string;
  @Column({ name: 'owner_name', type: 'text' }) ownerName: string;
  @Column({ name: 'owner_country', type: 'text' }) ownerCountry: string;
  @Column({ name: 'owner_key', type: 'text' }) ownerKey: string;
  @Column({ name: 'owned_name', type: 'text' }) ownedName: string;
  @Column({ name: 'owned_country', type: 'text' }) ownedCountry: string;
  @Column({ name: 'owned_key', type: 'text' }) ownedKey: string;
  @Column({ name: 'share_percent', type: 'numeric' }) sharePercent: string;
  @Column({ type: 'text' }) source: string;
  @Column({ name: 'as_of', type: 'date' }) asOf: string;
  @Column({ type: 'text' }) status: 'in-force' | 'ended';
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn: string | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason: string | null;
}

/** An ownership fact's row as the queries read it (the share as text, the days as YYYY-MM-DD). */
export interface OwnershipFactColumns {
  fact_id: string;
  owner_name: string;
  owner_country: string;
  owned_name: string;
  owned_country: string;
  share_percent: string;
  source: string;
  as_of: string;
  status: 'in-force' | 'ended';
  recorded_at: Date;
  ended_on: string | null;
  end_reason: string | null;
}
