import { ApiProperty } from '@nestjs/swagger';
import { FLAG_SEVERITIES, RED_FLAG_CODES } from '../readers';

/** A red flag on one consignment, as the review document lists it, with the consignment it is on. */
export class FlagResponseDto {
  @ApiProperty({ format: 'uuid' }) consignmentId: string;
  @ApiProperty() exporterOrg: string;
  @ApiProperty({ enum: RED_FLAG_CODES }) code: string;
  @ApiProperty({ enum: FLAG_SEVERITIES }) severity: string;
  @ApiProperty() detail: string;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) clearedAt: string | null;
  @ApiProperty({ description: 'Not cleared' }) open: boolean;
}

export class FlagPageResponseDto {
  @ApiProperty({ type: [FlagResponseDto] }) items: FlagResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
