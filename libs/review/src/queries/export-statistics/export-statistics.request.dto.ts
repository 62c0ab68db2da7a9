import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDay, IsNotBefore } from '@ree/platform/http';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const STATISTICS_GROUPINGS = ['month', 'element', 'destinationCountry', 'hsCode', 'controlCode', 'controlled'] as const;
export type StatisticsGrouping = (typeof STATISTICS_GROUPINGS)[number];

/** PostgreSQL has no year 0 (1 BC comes before AD 1), though ISO 8601 and JavaScript have one. */
const NOT_YEAR_ZERO = /^(?!0000-)/;
const NotYearZero = (field: string) => Matches(NOT_YEAR_ZERO, { message: `${field} must be a day of the year 1 or later` });

/** `GET /statistics/exports?groupBy=month|element|destinationCountry|hsCode|controlCode|controlled&from=&to=`. */
export class ExportStatisticsRequestDto {
  @ApiProperty()
  @IsIn(STATISTICS_GROUPINGS)
  groupBy: StatisticsGrouping;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'Released on or after this day' })
  @IsOptional() @IsCalendarDay() @NotYearZero('from')
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Released on or before this day (included)' })
  @IsOptional() @IsCalendarDay() @NotYearZero('to') @IsNotBefore('from')
  to?: string;
}
