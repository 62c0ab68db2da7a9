import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, isISO8601, Max, Min, ValidateBy } from 'class-validator';
import { MAX_REVISION, toWholeNumber } from '../query-values';

/** An instant with its time and zone: without a zone, `2025-03-01T12:00` would be read in the server's. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real ISO 8601 instant written with its zone (2025-02-30 and 23:60 are refused). */
const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value) =>
        typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true, strictSeparator: true }) && Number.isFinite(Date.parse(value)),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO 8601 instant with a time and a zone, e.g. 2025-03-01T12:00:00Z`,
    },
  });

export class GetConsignmentHistoryRequestDto {
  @ApiPropertyOptional({ example: '2025-03-01T12:00:00Z', description: 'ISO 8601 instant with a zone: only what had been recorded by then, inclusive' })
  @IsOptional() @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ type: Number, description: "Only up to this revision of the consignment's stream, inclusive; what other streams recorded after that revision's event is left out" })
  @IsOptional() @Transform(toWholeNumber) @IsInt() @Min(0) @Max(MAX_REVISION)
  untilRevision?: number;
}
