import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDay, IsCountryCode, IsSharePercent } from '@ree/platform/http';

export class CompanyRequestDto {
  @ApiProperty({ example: 'Kestrel Holdings Ltd' })
  @IsString() @IsNotEmpty() @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country: string;
}

export class RecordOwnershipRequestDto {
  @ApiProperty({ type: CompanyRequestDto, description: 'Who holds the share' })
  @IsDefined() @ValidateNested() @Type(() => CompanyRequestDto)
  owner: CompanyRequestDto;

  @ApiProperty({ type: CompanyRequestDto, description: 'Whose share it is' })
  @IsDefined() @ValidateNested() @Type(() => CompanyRequestDto)
  owned: CompanyRequestDto;

  @ApiProperty({ example: 60, minimum: 0.01, maximum: 100, description: 'Percent of the owned company held, 0.01 to 100, at most two decimals' })
  @IsSharePercent()
  sharePercent: number;

  @ApiProperty({ example: 'Companies House 01234567, confirmation statement 2026-09-30', description: 'Where the fact comes from' })
  @IsString() @IsNotEmpty() @MaxLength(500)
  source: string;

  @ApiProperty({ example: '2026-09-30', description: 'The day the share was held (YYYY-MM-DD)' })
  @IsCalendarDay()
  asOf: string;
}
