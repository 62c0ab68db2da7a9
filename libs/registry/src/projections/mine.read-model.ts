import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A registered mine, as `GET /mines` lists it. */
@Entity({ schema: 'registry', name: 'mines' })
export class MineReadModel {
  @PrimaryColumn({ name: 'mine_id', type: 'text' }) mineId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) operator: string;
  @Column({ type: 'text' }) region: string;
  @Column({ type: 'text' }) country: string;
  @Column({ name: 'mining_licence_no', type: 'text' }) miningLicenceNo: string;
  @Column({ name: 'deposit_type', type: 'text' }) depositType: string;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
}

/** One quota batch, keyed by the event that allocated it: a replay writes the same row again. */
@Entity({ schema: 'registry', name: 'mine_quota_allocations' })
export class MineQuotaAllocationReadModel {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'allocation_id', type: 'text' }) allocationId: string;
  @Column({ name: 'mine_id', type: 'text' }) mineId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) category: string;
  /** bigint: TypeORM reads it as a string. */
  @Column({ name: 'quota_grams', type: 'bigint' }) quotaGrams: string;
  @Column({ name: 'allocated_at', type: 'timestamptz' }) allocatedAt: Date;
}

/** What one mining-source declaration drew from a mine's quota, and what was given back. */
@Entity({ schema: 'registry', name: 'mine_quota_draws' })
export class MineQuotaDrawReadModel {
  @PrimaryColumn({ name: 'mine_id', type: 'text' }) mineId: string;
  @PrimaryColumn({ name: 'declaration_id', type: 'text' }) declarationId: string;
  @Column({ name: 'consignment_id', type: 'text' }) consignmentId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) category: string;
  @Column({ name: 'drawn_grams', type: 'bigint' }) drawnGrams: string;
  @Column({ name: 'returned_grams', type: 'bigint' }) returnedGrams: string;
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason: string | null;
}
