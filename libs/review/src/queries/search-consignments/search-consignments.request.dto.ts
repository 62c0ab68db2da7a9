import { ApiPropertyOptional } from '@nestjs/swagger';
import { CONSIGNMENT_STATUSES } from '@ree/consignment';
import { IsCountryCode, PageRequestDto } from '@ree/platform/http';
import { PRODUCT_ELEMENTS } from '@ree/shared-kernel';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FLAG_SEVERITIES, RED_FLAG_CODES } from '../readers';
import { IsAfterRangeStart, IsDayOrInstant } from '../time-range';

/** Organisation names are printable: a NUL could not even be compared in PostgreSQL. */
export const NO_CONTROL_CHARACTERS = /^\P{Cc}+$/u;

/** An export-control code as the control list writes it: digit, category letter, three digits, optional sub-items (`1C902`, `1C902.a`). */
export const CONTROL_CODE = /^[0-9][A-Z][0-9]{3}(\.[a-z0-9]{1,10}){0,3}$/;

export const SEARCHABLE_STATUSES = [...CONSIGNMENT_STATUSES, 'cancelled'] as const;

/** The reviewers' search (docs/api.md, "The whole-process review"): every filter optional, all of them combined with AND. */
export class SearchConsignmentsRequestDto extends PageRequestDto {
  @ApiPropertyOptional()
  @IsOptional() @IsIn(SEARCHABLE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Consignments with an open red flag of this code' })
  @IsOptional() @IsIn(RED_FLAG_CODES)
  flag?: string;

  @ApiPropertyOptional({ description: 'Consignments with an open red flag of this severity' })
  @IsOptional() @IsIn(FLAG_SEVERITIES)
  severity?: string;

  @ApiPropertyOptional({ description: "The exporter's organisation; an exporter sees only its own whatever this says" })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) @Matches(NO_CONTROL_CHARACTERS, { message: 'exporterOrg must not contain control characters' })
  exporterOrg?: string;

  @ApiPropertyOptional({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsOptional() @IsCountryCode()
  destinationCountry?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsIn(PRODUCT_ELEMENTS)
  element?: string;

  @ApiPropertyOptional({ example: '1C905', description: "The latest classification's control code" })
  @IsOptional() @Matches(CONTROL_CODE, { message: 'controlCode must be a control code such as 1C905' })
  controlCode?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: on the control list of the latest classification; false: classified and not on it (never-classified consignments match neither)',
  })
  @IsOptional() @IsIn(['true', 'false'])
  controlled?: string;

  @ApiPropertyOptional({
    example: '2025-03-01',
    description: 'Registered at or after: a day (from 00:00 UTC) or an instant with its offset',
  })
  @IsOptional() @IsDayOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2025-03-31',
    description: 'Registered before: an instant (exclusive) or a day (that whole day included, to 24:00 UTC)',
  })
  @IsOptional() @IsDayOrInstant() @IsAfterRangeStart('from')
  to?: string;
}
