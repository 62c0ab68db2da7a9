import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUOTA_CATEGORIES, QuotaCategory } from '@ree/shared-kernel';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDay, IsPositiveKilograms } from '@ree/platform/http';
import { IsExtractionYear } from './validation';

/** The fields of a mining source, shared by its declaration and its correction. */
export class MiningSourceRequestDto {
  @ApiProperty()
  @IsUUID()
  mineId: string;

  @ApiPropertyOptional({
    minimum: 2000,
    maximum: 2100,
    description: 'The quota year drawn: the year of extractedOn (its default). Material counts against the quota of the year it was mined',
  })
  @IsOptional() @IsInt() @Min(2000) @Max(2100) @IsExtractionYear()
  quotaYear?: number;

  @ApiPropertyOptional({
    enum: QUOTA_CATEGORIES,
    description: "Defaults to the mine's deposit type: bastnaesite and monazite light, ionic clay medium-heavy; required for a mine of type other",
  })
  @IsOptional() @IsIn(QUOTA_CATEGORIES)
  category?: QuotaCategory;

  @ApiProperty({ example: 'BO-2025-0117' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  extractionBatchRef: string;

  @ApiProperty({ example: 14000, description: 'Kilograms of rare-earth oxide drawn from the quota, > 0, at most three decimals' })
  @IsPositiveKilograms()
  kgReo: number;

  @ApiProperty({ example: '2025-01-15' })
  @IsCalendarDay()
  extractedOn: string;
}
