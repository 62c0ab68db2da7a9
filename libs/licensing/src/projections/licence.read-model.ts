import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GeneralLicenceEligibility, LicenceKind, LicenceParty, LicenceScreenedData } from '../licence/licence.events';

/** A licence as `GET /licences` shows it; `revision` is the last licence event applied. */
@Entity({ schema: 'licensing', name: 'licences' })
export class LicenceReadModel {
  @PrimaryColumn({ name: 'licence_id', type: 'text' }) licenceId: string;
  @Column({ name: 'exporter_org', type: 'text' }) exporterOrg: string;
  @Column({ type: 'text' }) status: string;
  /** The reason given with the latest rejection, suspension, reinstatement or revocation. */
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @Column({ name: 'destination_country', type: 'text' }) destinationCountry: string;
  @Column({ type: 'jsonb' }) consignee: LicenceParty;
  @Column({ name: 'end_user', type: 'jsonb' }) endUser: LicenceParty;
  @Column({ name: 'intended_end_use', type: 'text' }) intendedEndUse: string;
  @Column({ name: 'valid_from', type: 'text', nullable: true }) validFrom: string | null;
  @Column({ name: 'valid_until', type: 'text', nullable: true }) validUntil: string | null;
  @Column({ type: 'jsonb' }) conditions: string[];
  @Column({ name: 'approved_by', type: 'text', nullable: true }) approvedBy: string | null;
  @Column({ name: 'countersigned_by', type: 'text', nullable: true }) countersignedBy: string | null;
  @Column({ name: 'suspended_by', type: 'text', nullable: true }) suspendedBy: string | null;
  @Column({ type: 'jsonb', nullable: true }) screening: LicenceScreenedData | null;
  @Column({ name: 'applied_at', type: 'timestamptz' }) appliedAt: Date;
  /** bigint: TypeORM reads it as a string. The list's sort key. */
  @Column({ name: 'applied_position', type: 'bigint' }) appliedPosition: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) revision: number;
  /** Null for a licence applied for before kinds existed. */
  @Column({ type: 'text', nullable: true }) kind: LicenceKind | null;
  @Column({ name: 'customs_office', type: 'text', nullable: true }) customsOffice: string | null;
  @Column({ type: 'jsonb', nullable: true }) eligibility: GeneralLicenceEligibility | null;
}

/** One item applied for, with the quantity the approval issued. */
@Entity({ schema: 'licensing', name: 'licence_items' })
export class LicenceItemReadModel {
  @PrimaryColumn({ name: 'licence_id', type: 'text' }) licenceId: string;
  @PrimaryColumn({ name: 'item_index', type: 'integer' }) itemIndex: number;
  @Column({ type: 'text' }) product: string;
  @Column({ name: 'hs_code', type: 'text' }) hsCode: string;
  @Column({ type: 'text' }) element: string;
  @Column({ name: 'requested_grams', type: 'bigint' }) requestedGrams: string;
  @Column({ name: 'issued_grams', type: 'bigint', nullable: true }) issuedGrams: string | null;
}

/** What one consignment holds on a licence: allocated, released and shipped grams. */
@Entity({ schema: 'licensing', name: 'licence_allocations' })
export class LicenceAllocationReadModel {
  @PrimaryColumn({ name: 'licence_id', type: 'text' }) licenceId: string;
  @PrimaryColumn({ name: 'consignment_id', type: 'text' }) consignmentId: string;
  @Column({ name: 'item_index', type: 'integer' }) itemIndex: number;
  @Column({ name: 'allocated_grams', type: 'bigint' }) allocatedGrams: string;
  @Column({ name: 'released_grams', type: 'bigint' }) releasedGrams: string;
  @Column({ name: 'shipped_grams', type: 'bigint' }) shippedGrams: string;
  @Column({ name: 'allocated_at', type: 'timestamptz' }) allocatedAt: Date;
}

/** A customs declaration endorsed on a licence, by number; `withdrawnReason` once it no longer counts. */
@Entity({ schema: 'licensing', name: 'licence_endorsements' })
export class LicenceEndorsementReadModel {
  @PrimaryColumn({ name: 'licence_id', type: 'text' }) licenceId: string;
  @PrimaryColumn({ type: 'integer' }) number: number;
  @Column({ name: 'consignment_id', type: 'text' }) consignmentId: string;
  @Column({ name: 'customs_declaration_no', type: 'text' }) customsDeclarationNo: string;
  @Column({ name: 'customs_office', type: 'text' }) customsOffice: string;
  @Column({ type: 'bigint' }) grams: string;
  @Column({ name: 'endorsed_on', type: 'text' }) endorsedOn: string;
  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true }) withdrawnReason: string | null;
}
