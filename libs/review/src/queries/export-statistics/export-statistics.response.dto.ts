import { ApiProperty } from '@nestjs/swagger';
import { STATISTICS_GROUPINGS } from './export-statistics.request.dto';

export class ExportStatisticsItemResponseDto {
  @ApiProperty({ description: 'The month (YYYY-MM), element, destination country, HS code, control code (`not-controlled` or `unclassified` for items no entry lists), or controlled / not-controlled / unclassified (registered before the control list)' }) key: string;
  @ApiProperty({ description: 'Declared net mass released by customs (kg)' }) shippedKg: number;
  @ApiProperty({ description: 'Consignments released' }) consignments: number;
}

export class ExportStatisticsResponseDto {
  @ApiProperty({ enum: STATISTICS_GROUPINGS }) groupBy: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) from: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) to: string | null;
  @ApiProperty({ type: [ExportStatisticsItemResponseDto], description: 'Sorted by key' }) items: ExportStatisticsItemResponseDto[];
}
