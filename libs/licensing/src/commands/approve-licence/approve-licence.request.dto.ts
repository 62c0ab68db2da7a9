import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDay, IsNotBefore, IsPositiveKilograms } from '@ree/platform/http';

export class ApproveLicenceRequestDto {
  @ApiProperty({ example: '2025-03-01', description: 'First valid day (UTC), YYYY-MM-DD' })
  @IsCalendarDay()
  validFrom: string;

  @ApiProperty({ example: '2026-02-28', description: 'Last valid day (UTC), included; not before validFrom' })
  @IsCalendarDay() @IsNotBefore('validFrom')
  validUntil: string;

  @ApiProperty({ type: [String], example: ['No re-export without the authority’s consent'] })
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(1000, { each: true })
  conditions: string[];

  @ApiPropertyOptional({ type: [Number], description: 'Per item, in the order applied for; at most the requested quantity. Default: as requested' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsPositiveKilograms({ each: true })
  issuedQuantityKg?: number[];
}
