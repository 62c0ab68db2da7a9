import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  @ApiProperty({ description: 'The licence stream revision the read model reflects' }) revision: number;
}
