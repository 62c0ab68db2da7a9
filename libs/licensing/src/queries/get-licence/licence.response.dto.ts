import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LICENCE_KINDS } from '../../licence/licence.events';
import { LICENCE_STATUSES } from '../../licence/licence.state';

export class LicencePartyResponseDto {
  @ApiProperty() name: string;
  @ApiProperty() country: string;
  @ApiProperty() address: string;
}

export class LicenceQuantitiesResponseDto {
  @ApiProperty({ description: 'Issued by the approval (kg); 0 before it' }) issuedKg: number;
  @ApiProperty({ description: 'Held by consignments, net of releases, shipped included (kg)' }) allocatedKg: number;
  @ApiProperty({ description: 'Shipped (kg)' }) shippedKg: number;
  @ApiProperty({ description: 'issuedKg − allocatedKg: what further consignments may draw (kg)' }) remainingKg: number;
}

export class LicenceSummaryResponseDto extends LicenceQuantitiesResponseDto {
  @ApiProperty({ format: 'uuid' }) licenceId: string;
  @ApiProperty() exporterOrg: string;
  @ApiProperty({ enum: LICENCE_STATUSES }) status: string;
  @ApiProperty() destinationCountry: string;
  @ApiProperty({ type: LicencePartyResponseDto }) consignee: LicencePartyResponseDto;
  @ApiProperty({ type: LicencePartyResponseDto }) endUser: LicencePartyResponseDto;
  @ApiProperty({ type: String, nullable: true, description: 'First valid day, YYYY-MM-DD' }) validFrom: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Last valid day, included' }) validUntil: string | null;
  @ApiProperty({ format: 'date-time' }) appliedAt: string;
  @ApiProperty({ enum: LICENCE_KINDS, nullable: true, description: 'Null for a licence applied for before kinds existed: any number of declarations, at any office' })
  kind: string | null;
}

export class LicenceItemResponseDto extends LicenceQuantitiesResponseDto {
  @ApiProperty() index: number;
  @ApiProperty() product: string;
  @ApiProperty() hsCode: string;
  @ApiProperty() element: string;
  @ApiProperty() requestedKg: number;
}

export class LicenceOwnershipLinkResponseDto {
  @ApiProperty() owner: string;
  @ApiProperty() owned: string;
  @ApiProperty() sharePercent: number;
}

export class LicenceScreeningMatchResponseDto {
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty() name: string;
  @ApiProperty() score: number;
  @ApiProperty({ enum: ['consignee', 'endUser'] }) field: string;
  @ApiPropertyOptional({ description: "The party's name or alias that scored best (absent from screenings before the skeleton matcher)" })
  listedName?: string;
  @ApiPropertyOptional({ description: "That name's confusable skeleton (UTS #39)" }) listedSkeleton?: string;
  @ApiPropertyOptional({ description: "The licence's name that was screened" }) candidateName?: string;
  @ApiPropertyOptional({ description: "That name's confusable skeleton (UTS #39)" }) candidateSkeleton?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "The party's list (absent from screenings before there were several lists: the Unreliable Entity List)" })
  listId?: string;
  @ApiPropertyOptional() listName?: string;
  @ApiPropertyOptional({ enum: ['refuse', 'licence-required', 'flag'], description: 'What the match leads to; absent before there were several lists (refuse)' })
  consequence?: string;
  @ApiPropertyOptional({
    type: [LicenceOwnershipLinkResponseDto],
    description: 'For a match through the ownership registry: the holdings (each ≥ 50 %) from the licence party up to the listed party; empty for a name match',
  })
  chain?: LicenceOwnershipLinkResponseDto[];
}

export class LicenceScreenedSkeletonsResponseDto {
  @ApiProperty() consignee: string;
  @ApiProperty() endUser: string;
}

export class LicenceScreeningResponseDto {
  @ApiProperty({ description: 'No party matched' }) clear: boolean;
  @ApiProperty({ type: [LicenceScreeningMatchResponseDto] }) matches: LicenceScreeningMatchResponseDto[];
  @ApiProperty({ format: 'date-time' }) screenedAt: string;
  @ApiProperty({ type: String, nullable: true, description: "The restricted list's version (its projection's position)" }) listPosition: string | null;
  @ApiProperty() algorithm: string;
  @ApiProperty() threshold: number;
  @ApiPropertyOptional({
    type: LicenceScreenedSkeletonsResponseDto,
    description: "The skeletons the consignee's and end user's names were compared in (absent from screenings before the skeleton matcher)",
  })
  skeletons?: LicenceScreenedSkeletonsResponseDto;
}

export class LicenceConsignmentResponseDto {
  @ApiProperty({ format: 'uuid' }) consignmentId: string;
  @ApiProperty() itemIndex: number;
  @ApiProperty() allocatedKg: number;
  @ApiProperty() releasedKg: number;
  @ApiProperty() shippedKg: number;
  @ApiProperty({ description: 'Allocated, not released and not yet shipped' }) heldKg: number;
  @ApiProperty({ format: 'date-time' }) allocatedAt: string;
}

export class LicenceEligibilityResponseDto {
  @ApiProperty({ description: 'The exporter runs an internal export-control compliance programme' }) internalControlProgramme: boolean;
  @ApiProperty({ description: 'No export-control penalty in the last three years' }) noPenaltiesInThreeYears: boolean;
  @ApiPropertyOptional({ description: 'Where the evidence is' }) evidence?: string;
}

export class LicenceEndorsementResponseDto {
  @ApiProperty({ description: 'The endorsement number on the licence, from 1; a withdrawn one keeps its number' }) number: number;
  @ApiProperty({ format: 'uuid' }) consignmentId: string;
  @ApiProperty() customsDeclarationNo: string;
  @ApiProperty({ description: 'UN/LOCODE of the port of export' }) customsOffice: string;
  @ApiProperty({ description: 'The quantity the declaration deducts (kg)' }) kg: number;
  @ApiProperty({ description: "The declaration's day, YYYY-MM-DD" }) endorsedOn: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was withdrawn (it no longer counts); null while it counts' })
  withdrawnReason: string | null;
}

export class LicenceResponseDto extends LicenceSummaryResponseDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The reason of the latest rejection, suspension, reinstatement or revocation' })
  statusReason: string | null;
  @ApiProperty() intendedEndUse: string;
  @ApiProperty({ type: [String] }) conditions: string[];
  @ApiProperty({ type: String, nullable: true }) approvedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) countersignedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) suspendedBy: string | null;
  @ApiProperty({ type: [LicenceItemResponseDto] }) items: LicenceItemResponseDto[];
  @ApiProperty({ type: LicenceScreeningResponseDto, nullable: true, description: 'The latest screening' })
  screening: LicenceScreeningResponseDto | null;
  @ApiProperty({ type: [LicenceConsignmentResponseDto] }) consignments: LicenceConsignmentResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The customs office (UN/LOCODE) every declaration must go through; null when none is named' })
  customsOffice: string | null;
  @ApiProperty({ type: LicenceEligibilityResponseDto, nullable: true, description: "A general licence's eligibility facts; null for the other kinds" })
  eligibility: LicenceEligibilityResponseDto | null;
  @ApiProperty({ type: [LicenceEndorsementResponseDto], description: 'The customs declarations endorsed on the licence, by number' })
  endorsements: LicenceEndorsementResponseDto[];
  @ApiProperty({ description: 'The quantity the endorsements in force deduct (kg)' }) endorsedKg: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Declarations the licence may still be endorsed with (single-use 1, multi-use 12 in all); null when its kind sets no number' })
  declarationsLeft: number | null;
  @ApiProperty({ description: 'The licence stream revision the read model reflects' }) revision: number;
}
