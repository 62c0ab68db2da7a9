import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCountryCode } from './validators';

/** A foreign party as docs/domain.md names it everywhere ("Streams and events"): a consignee or an end user {name, country, address}. */
export class PartyRequestDto {
  @ApiProperty({ example: 'Vacuumschmelze GmbH & Co. KG' })
  @IsString() @IsNotEmpty() @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: 'Grüner Weg 37, 63450 Hanau' })
  @IsString() @IsNotEmpty() @MaxLength(500)
  address: string;
}
