import { ApiProperty } from '@nestjs/swagger';
import { PRODUCT_ELEMENTS } from '@ree/shared-kernel';
import { FLAG_SEVERITIES, RED_FLAG_CODES } from '../readers';
import { SEARCHABLE_STATUSES } from './search-consignments.request.dto';

/** One consignment of the reviewers' search: what a result list shows, without the whole document. */
export class ConsignmentSummaryResponseDto {
  @ApiProperty({ format: 'uuid' }) consignmentId: string;
  @ApiProperty({ enum: SEARCHABLE_STATUSES }) status: string;
  @ApiProperty() exporterOrg: string;
  @ApiProperty() product: string;
  @ApiProperty({ enum: PRODUCT_ELEMENTS }) element: string;
  @ApiProperty() hsCode: string;
  @ApiProperty() quantityKg: number;
  @ApiProperty() destinationCountry: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the latest event that concerned the consignment was recorded' }) updatedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) licenceId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The latest classification's control code; null when the list does not name the item" }) controlCode: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'On the control list of the latest classification; null when never classified (registered before the control list)' })
  controlled: boolean | null;
  @ApiProperty({ enum: RED_FLAG_CODES, isArray: true, description: 'The codes of the open red flags' }) openFlags: string[];
  @ApiProperty({ enum: FLAG_SEVERITIES, nullable: true, description: 'The most urgent open red flag; null when none is open' })
  highestSeverity: string | null;
}

export class ConsignmentPageResponseDto {
  @ApiProperty({ type: [ConsignmentSummaryResponseDto] }) items: ConsignmentSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
