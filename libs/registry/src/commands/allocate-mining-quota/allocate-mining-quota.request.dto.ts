import { ApiProperty } from '@nestjs/swagger';
import { QUOTA_CATEGORIES, QuotaCategory } from '@ree/shared-kernel';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsPositiveKilograms } from '@ree/platform/http';

export class AllocateMiningQuotaRequestDto {
  @ApiProperty({ example: 2025 })
  @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiProperty({ description: 'light: rock-type deposits; medium-heavy: ionic clays' })
  @IsIn(QUOTA_CATEGORIES)
  category: QuotaCategory;

  @ApiProperty({ example: 12000000.5, description: 'Kilograms of rare-earth oxide, > 0, at most three decimals' })
  @IsPositiveKilograms()
  quotaKgReo: number;
}
