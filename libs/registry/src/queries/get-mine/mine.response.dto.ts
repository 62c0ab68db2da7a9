import { ApiProperty } from '@nestjs/swagger';
import { DEPOSIT_TYPES, QUOTA_CATEGORIES } from '@ree/shared-kernel';

export class MineQuotaResponseDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: QUOTA_CATEGORIES }) category: string;
  @ApiProperty({ description: 'Sum of every batch allocated for the year and category (kg REO)' }) allocatedKgReo: number;
  @ApiProperty({ description: 'Drawn by mining-source declarations, net of returns (kg REO)' }) drawnKgReo: number;
  @ApiProperty({ description: 'allocatedKgReo − drawnKgReo' }) remainingKgReo: number;
  @ApiProperty({ description: 'How many batches make up the allocation' }) batches: number;
}

export class MineSummaryResponseDto {
  @ApiProperty({ format: 'uuid' }) mineId: string;
  @ApiProperty() name: string;
  @ApiProperty() operator: string;
  @ApiProperty() region: string;
  @ApiProperty() country: string;
  @ApiProperty() miningLicenceNo: string;
  @ApiProperty({ enum: DEPOSIT_TYPES }) depositType: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
}

export class MineResponseDto extends MineSummaryResponseDto {
  @ApiProperty({ type: [MineQuotaResponseDto] }) quotas: MineQuotaResponseDto[];
}
