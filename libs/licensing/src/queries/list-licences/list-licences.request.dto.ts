import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LICENCE_STATUSES } from '../../licence/licence.state';
import { IsCountryCode, PageRequestDto } from '@ree/platform/http';

const LISTED_STATUSES = LICENCE_STATUSES.filter((status) => status !== 'none');

export class ListLicencesRequestDto extends PageRequestDto {
  @ApiPropertyOptional()
  @IsOptional() @IsIn(LISTED_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: "The applicant's organisation; an exporter sees only its own whatever this says" })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  exporterOrg?: string;

  @ApiPropertyOptional({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsOptional() @IsCountryCode()
  destinationCountry?: string;
}
