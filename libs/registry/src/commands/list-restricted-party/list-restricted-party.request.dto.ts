import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCountryCode } from '@ree/platform/http';

export class ListRestrictedPartyRequestDto {
  @ApiProperty({ example: 'Lockheed Martin Missiles and Fire Control' })
  @IsString() @IsNotEmpty() @MaxLength(300)
  name: string;

  @ApiProperty({ type: [String], required: false, description: 'Other spellings, transliterations, former names' })
  @IsOptional() @IsArray() @ArrayMaxSize(50)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(300, { each: true })
  aliases?: string[];

  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: 'Arms sales to a region the authority restricts' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;

  @ApiProperty({ example: 'UEL-2023-1', description: 'The reference of the listing decision' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  listReference: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The list (GET /restricted-lists); without it the Unreliable Entity List, the one list this route put parties on before lists existed',
  })
  @IsOptional() @IsUUID()
  listId?: string;
}
