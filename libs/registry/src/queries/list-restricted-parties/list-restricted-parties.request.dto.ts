import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCountryCode, PageRequestDto } from '@ree/platform/http';

export class ListRestrictedPartiesRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ description: 'A name to search for, fuzzily (accents, case, punctuation, word order, legal forms ignored)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300)
  query?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2: only parties of this country' })
  @IsOptional() @IsCountryCode()
  country?: string;
}
