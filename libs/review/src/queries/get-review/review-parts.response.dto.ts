import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { END_USE_CATEGORIES, END_USE_CHECK_OUTCOMES, INSPECTION_RESULTS, PROCESSES } from '@ree/consignment';
import { PRODUCT_FORMS, QUOTA_CATEGORIES } from '@ree/shared-kernel';
import { FLAG_SEVERITIES, RED_FLAG_CODES } from '../readers';

/** The OpenAPI shapes of the review document's parts (`src/review-document/review-document.ts`). */

export class ActorResponseDto {
  @ApiProperty() sub: string;
  @ApiProperty() role: string;
  @ApiPropertyOptional() org?: string;
  @ApiPropertyOptional() name?: string;
}

export class StageResponseDto {
  @ApiProperty({ enum: ['pending', 'done', 'blocked', 'flagged'] }) status: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the latest event that touched the stage was recorded' }) at?: string;
  @ApiPropertyOptional({ type: ActorResponseDto }) by?: ActorResponseDto;
}

export class StagesResponseDto {
  @ApiProperty({ type: StageResponseDto }) mining: StageResponseDto;
  @ApiProperty({ type: StageResponseDto }) processing: StageResponseDto;
  @ApiProperty({ type: StageResponseDto }) licence: StageResponseDto;
  @ApiProperty({ type: StageResponseDto }) endUse: StageResponseDto;
  @ApiProperty({ type: StageResponseDto }) shipment: StageResponseDto;
  @ApiProperty({ type: StageResponseDto }) verification: StageResponseDto;
}

export class ReviewMiningSourceResponseDto {
  @ApiProperty({ format: 'uuid' }) declarationId: string;
  @ApiProperty({ format: 'uuid' }) mineId: string;
  @ApiProperty({ type: String, nullable: true }) mineName: string | null;
  @ApiProperty() quotaYear: number;
  @ApiProperty({ enum: QUOTA_CATEGORIES }) category: string;
  @ApiProperty() extractionBatchRef: string;
  @ApiProperty() kgReo: number;
  @ApiProperty({ format: 'date' }) extractedOn: string;
  @ApiProperty({ enum: ['unknown', 'drawn', 'returned'], description: "The draw on the mine's quota" }) quota: string;
  @ApiProperty({ format: 'date-time' }) declaredAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The source this one corrects' }) correctsId: string | null;
  @ApiProperty({ type: String, nullable: true }) correctionReason: string | null;
}

export class FacilityResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() region: string;
}

export class ReviewProcessingStepResponseDto {
  @ApiProperty({ format: 'uuid' }) stepId: string;
  @ApiProperty({ type: FacilityResponseDto }) facility: FacilityResponseDto;
  @ApiProperty({ enum: PROCESSES }) process: string;
  @ApiProperty({ enum: PRODUCT_FORMS }) inputForm: string;
  @ApiProperty({ enum: PRODUCT_FORMS }) outputForm: string;
  @ApiProperty() inputKgReo: number;
  @ApiProperty() outputKgReo: number;
  @ApiProperty({ type: Number, nullable: true, description: 'outputKgReo / inputKgReo, four decimals' }) yield: number | null;
  @ApiProperty({ format: 'date' }) completedOn: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) correctsId: string | null;
  @ApiProperty({ type: String, nullable: true }) correctionReason: string | null;
}

export class MassBalanceResponseDto {
  @ApiProperty({ description: 'The sum of the mining sources in force (kg REO)' }) sourcedKgReo: number;
  @ApiProperty({ description: "The last step's output, or what was sourced without steps (kg REO)" }) finalKgReo: number;
  @ApiProperty({ type: Number, nullable: true }) overallYield: number | null;
}

export class ReviewEndorsementResponseDto {
  @ApiProperty({ description: 'The endorsement number on the licence, from 1' }) number: number;
  @ApiProperty({ format: 'uuid', description: 'The consignment whose declaration it is' }) consignmentId: string;
  @ApiProperty() customsDeclarationNo: string;
  @ApiProperty({ description: 'UN/LOCODE of the port of export' }) customsOffice: string;
  @ApiProperty({ description: 'The quantity the declaration deducts (kg)' }) kg: number;
  @ApiProperty({ format: 'date' }) endorsedOn: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was withdrawn (it no longer counts); null while it counts' }) withdrawnReason: string | null;
}

export class ReviewLicenceResponseDto {
  @ApiProperty({ format: 'uuid' }) licenceId: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) validUntil: string | null;
  @ApiProperty({ description: "This consignment's allocation, net of releases" }) allocatedKg: number;
  @ApiProperty() shippedKg: number;
  @ApiProperty({ type: Number, nullable: true, description: "The licence's issued quantity allocated to no one" }) remainingKg: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['single-use', 'multi-use', 'general'], description: 'Null for a licence applied for before kinds existed' })
  kind: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The customs office (UN/LOCODE) the licence names' }) customsOffice: string | null;
  @ApiProperty({ type: [ReviewEndorsementResponseDto], description: 'Every declaration endorsed on the licence, by number' })
  endorsements: ReviewEndorsementResponseDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Declarations the licence may still be endorsed with; null when its kind sets no number' })
  declarationsLeft: number | null;
}

export class PartyResponseDto {
  @ApiProperty() name: string;
  @ApiProperty() country: string;
  @ApiProperty() address: string;
}

export class CommitmentsResponseDto {
  @ApiProperty() noMilitaryUse: boolean;
  @ApiProperty() noReexportWithoutConsent: boolean;
  @ApiProperty() acceptsPostShipmentChecks: boolean;
}

export class SignatoryResponseDto {
  @ApiProperty() name: string;
  @ApiProperty() title: string;
}

export class ReviewEndUseResponseDto {
  @ApiProperty({ format: 'uuid' }) declarationId: string;
  @ApiProperty({ type: PartyResponseDto }) endUser: PartyResponseDto;
  @ApiProperty() endUse: string;
  @ApiProperty({ enum: END_USE_CATEGORIES }) endUseCategory: string;
  @ApiProperty({ type: CommitmentsResponseDto }) commitments: CommitmentsResponseDto;
  @ApiProperty({ type: SignatoryResponseDto }) signatory: SignatoryResponseDto;
  @ApiProperty({ format: 'date' }) signedOn: string;
  @ApiProperty() documentSha256: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
}

export class InspectionResponseDto {
  @ApiProperty({ format: 'date' }) inspectedOn: string;
  @ApiProperty() measuredNetKg: number;
  @ApiProperty({ enum: INSPECTION_RESULTS }) result: string;
  @ApiProperty({ type: [String] }) sealNos: string[];
  @ApiProperty() notes: string;
}

export class ReviewShipmentResponseDto {
  @ApiProperty() customsDeclarationNo: string;
  @ApiProperty() portOfExport: string;
  @ApiProperty() carrier: string;
  @ApiProperty({ type: [String] }) containerNos: string[];
  @ApiProperty() declaredNetKg: number;
  @ApiProperty() hsCode: string;
  @ApiProperty() destinationCountry: string;
  @ApiProperty({ format: 'date' }) declaredOn: string;
  @ApiProperty({
    enum: ['controlled', 'not-controlled'],
    nullable: true,
    description: "The declaration's customs remark, derived from the classification; null for declarations recorded before the control list",
  })
  controlRemark: string | null;
  @ApiProperty({ type: InspectionResponseDto, nullable: true, description: 'The latest inspection' }) inspection: InspectionResponseDto | null;
  @ApiProperty() held: boolean;
  @ApiProperty({ type: String, nullable: true }) holdReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) releasedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) departedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) vesselOrFlight: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) arrivedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) portOfArrival: string | null;
}

export class ClassificationEntryResponseDto {
  @ApiProperty({ example: '1C905' }) controlCode: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'MOFCOM/GACC Announcement No. 18 of 2025', description: 'The announcement that worded the entry' }) announcement: string;
  @ApiProperty({ format: 'date' }) effectiveOn: string;
  @ApiProperty({ description: "A link to the announcement's published text" }) textUrl: string;
}

export class CatchAllGroundResponseDto {
  @ApiProperty({ enum: ['restricted-end-user', 'military-end-use', 'officer-notice'] }) kind: string;
  @ApiPropertyOptional({ description: 'restricted-end-user: the listed party' }) partyId?: string;
  @ApiPropertyOptional() partyName?: string;
  @ApiPropertyOptional({ example: 'Watch List' }) listName?: string;
  @ApiPropertyOptional({ type: [String], description: 'restricted-end-user: company names from the end user up to the listed party' }) chain?: string[];
  @ApiPropertyOptional({ description: "officer-notice: the officer's reason" }) reason?: string;
  @ApiPropertyOptional({ description: "officer-notice: the officer's sub" }) notifiedBy?: string;
}

export class ReviewClassificationResponseDto {
  @ApiProperty({ enum: ['registration', 'shipment-declaration'], description: 'The latest classification: the shipment declaration’s once declared' }) stage: string;
  @ApiProperty({ format: 'date', description: 'The day whose control list was applied' }) on: string;
  @ApiProperty({ type: String, nullable: true, description: "The control list read model's position the list was read at" }) listPosition: string | null;
  @ApiProperty({ description: 'The control list in force that day names the item' }) controlled: boolean;
  @ApiProperty({ type: String, nullable: true, example: '1C905' }) controlCode: string | null;
  @ApiProperty({ description: 'Listed, or a catch-all ground applied' }) licenceRequired: boolean;
  @ApiProperty({ type: [String], description: 'One sentence per ground' }) reasons: string[];
  @ApiProperty({ type: [ClassificationEntryResponseDto] }) entries: ClassificationEntryResponseDto[];
  @ApiProperty({ description: "false for a controlled item declared under an HS code none of its entries names (HS_CODE_MISMATCH)" }) hsCodeMatches: boolean;
  @ApiProperty({ type: [CatchAllGroundResponseDto] }) catchAll: CatchAllGroundResponseDto[];
  @ApiProperty({ format: 'date-time' }) classifiedAt: string;
}

export class ReviewLicenceNoticeResponseDto {
  @ApiProperty({ format: 'uuid' }) noticeId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: "The notifying officer's sub" }) notifiedBy: string;
  @ApiProperty({ format: 'date' }) notifiedOn: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ReviewCheckResponseDto {
  @ApiProperty({ format: 'date' }) checkedOn: string;
  @ApiProperty({ enum: END_USE_CHECK_OUTCOMES }) outcome: string;
  @ApiProperty() notes: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: ActorResponseDto }) by: ActorResponseDto;
}

export class ReviewFlagResponseDto {
  @ApiProperty({ enum: RED_FLAG_CODES }) code: string;
  @ApiProperty({ enum: FLAG_SEVERITIES }) severity: string;
  @ApiProperty({ format: 'date-time', description: 'When the event after which the flag held was recorded' }) raisedAt: string;
  @ApiProperty({ description: 'What a reviewer needs to know, in one sentence' }) detail: string;
  @ApiProperty({ description: 'Tells two flags of one code apart (LOW_YIELD:<stepId>); the code itself otherwise' }) key: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the flag stopped holding; null while open' })
  clearedAt: string | null;
}

export class TimelineEntryResponseDto {
  @ApiProperty({ description: 'Global position, as a string' }) position: string;
  @ApiProperty() streamId: string;
  @ApiProperty() revision: number;
  @ApiProperty() type: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: ActorResponseDto }) actor: ActorResponseDto;
  @ApiProperty() summary: string;
}
