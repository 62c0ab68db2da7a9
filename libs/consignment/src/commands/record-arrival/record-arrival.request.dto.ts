import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { UN_LOCODE } from '../validation';

export class RecordArrivalRequestDto {
  @ApiProperty({ example: '2025-04-10T14:00:00Z', description: 'ISO 8601 instant' })
  @IsISO8601({ strict: true, strictSeparator: true })
  arrivedAt: string;

  @ApiProperty({ example: 'DEHAM', description: 'UN/LOCODE of the port of arrival' })
  @Matches(UN_LOCODE, { message: 'portOfArrival must be a UN/LOCODE (e.g. DEHAM)' })
  portOfArrival: string;

  @ApiProperty({ example: 'Vacuumschmelze GmbH', description: 'Who confirmed the arrival (consignee, carrier or foreign customs)' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  confirmedBy: string;
}
