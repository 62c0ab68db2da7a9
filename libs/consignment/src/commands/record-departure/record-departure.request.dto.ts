import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RecordDepartureRequestDto {
  @ApiProperty({ example: '2025-03-04T06:00:00Z', description: 'ISO 8601 instant' })
  @IsISO8601({ strict: true, strictSeparator: true })
  departedAt: string;

  @ApiProperty({ example: 'COSCO Aries', description: 'The vessel, or the flight number' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  vesselOrFlight: string;
}
