import { ApiProperty } from '@nestjs/swagger';
import { CONSIGNMENT_STATUSES } from '@ree/consignment';
import { PRODUCT_ELEMENTS, PRODUCT_FORMS } from '@ree/shared-kernel';
import {
  MassBalanceResponseDto,
  ReviewCheckResponseDto,
  ReviewClassificationResponseDto,
  ReviewEndUseResponseDto,
  ReviewFlagResponseDto,
  ReviewLicenceNoticeResponseDto,
  ReviewLicenceResponseDto,
  ReviewMiningSourceResponseDto,
  ReviewProcessingStepResponseDto,
  ReviewShipmentResponseDto,
  StagesResponseDto,
  TimelineEntryResponseDto,
} from './review-parts.response.dto';

/** The whole-process review document (docs/api.md, "The whole-process review"), as the review projection stored it. */
export class ReviewResponseDto {
  @ApiProperty({ format: 'uuid' }) consignmentId: string;
  @ApiProperty({ enum: [...CONSIGNMENT_STATUSES, 'cancelled'] }) status: string;
  @ApiProperty() exporterOrg: string;
  @ApiProperty() product: string;
  @ApiProperty({ enum: PRODUCT_FORMS }) productForm: string;
  @ApiProperty({ enum: PRODUCT_ELEMENTS }) element: string;
  @ApiProperty() hsCode: string;
  @ApiProperty() quantityKg: number;
  @ApiProperty() reoEquivalentKg: number;
  @ApiProperty() destinationCountry: string;
  @ApiProperty({
    type: ReviewClassificationResponseDto,
    nullable: true,
    description: 'The latest classification by the control list of its day; null for consignments registered before the control list',
  })
  classification: ReviewClassificationResponseDto | null;
  @ApiProperty({ type: [ReviewLicenceNoticeResponseDto], description: "Licensing officers' notices that a licence is required (catch-all)" })
  licenceNotices: ReviewLicenceNoticeResponseDto[];
  @ApiProperty({ type: StagesResponseDto }) stages: StagesResponseDto;
  @ApiProperty({ type: [ReviewMiningSourceResponseDto], description: 'In force: a correction takes the place of what it corrects' })
  miningSources: ReviewMiningSourceResponseDto[];
  @ApiProperty({ type: [ReviewProcessingStepResponseDto] }) processingSteps: ReviewProcessingStepResponseDto[];
  @ApiProperty({ type: MassBalanceResponseDto }) massBalance: MassBalanceResponseDto;
  @ApiProperty({ type: ReviewLicenceResponseDto, nullable: true }) licence: ReviewLicenceResponseDto | null;
  @ApiProperty({ type: ReviewEndUseResponseDto, nullable: true }) endUse: ReviewEndUseResponseDto | null;
  @ApiProperty({ type: ReviewShipmentResponseDto, nullable: true }) shipment: ReviewShipmentResponseDto | null;
  @ApiProperty({ type: [ReviewCheckResponseDto] }) checks: ReviewCheckResponseDto[];
  @ApiProperty({ type: [ReviewFlagResponseDto], description: 'Every red flag ever raised, in the order raised; open while clearedAt is null' })
  flags: ReviewFlagResponseDto[];
  @ApiProperty({ type: [TimelineEntryResponseDto], description: 'Every event that concerned the consignment, in global order' })
  timeline: TimelineEntryResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The global position of the last event folded in' }) lastPosition: string | null;
}
