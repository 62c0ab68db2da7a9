import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LICENCE_STATUSES } from '../../licence/licence.state';
import { DEFAULT_LIMIT, IsCountryCode, MAX_LIMIT } from '@ree/platform';

const LISTED_STATUSES = LICENCE_STATUSES.filter((status) => status !== 'none');

export class ListLicencesRequestDto {
  @ApiPropertyOptional({ enum: LISTED_STATUSES })
  @IsOptional() @IsIn(LISTED_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: "The applicant's organisation; an exporter sees only its own whatever this says" })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  exporterOrg?: string;

  @ApiPropertyOptional({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsOptional() @IsCountryCode()
  destinationCountry?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(1000)
  cursor?: string;
}
