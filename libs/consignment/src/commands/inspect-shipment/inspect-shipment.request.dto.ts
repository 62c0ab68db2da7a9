import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDay, IsPositiveKilograms } from '@ree/platform/http';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { INSPECTION_RESULTS, InspectionResult } from '../../consignment/consignment.events';

export class InspectShipmentRequestDto {
  @ApiProperty({ example: '2025-03-02' })
  @IsCalendarDay()
  inspectedOn: string;

  @ApiProperty({ example: 12001.5, description: 'Net kilograms weighed at inspection' })
  @IsPositiveKilograms()
  measuredNetKg: number;

  @ApiProperty({ example: ['CN1234567'], type: [String], description: 'Seals found or applied; may be empty for bulk cargo' })
  @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(50, { each: true })
  sealNos: string[];

  @ApiProperty({ description: "The agent's finding, as stated" })
  @IsIn(INSPECTION_RESULTS)
  result: InspectionResult;

  @ApiPropertyOptional({ example: 'Weighed at Tianjin gate 3', default: '' })
  @IsOptional() @IsString() @MaxLength(4000)
  notes?: string;
}
