import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDay, PartyRequestDto } from '@ree/platform/http';
import { END_USE_CATEGORIES, EndUseCategory } from '../../consignment/consignment.events';

export class CommitmentsDto {
  @ApiProperty({ description: 'Must be true once a licence is attached (the licences are for civil use only). Without a licence, false is recorded and makes a licence required at the shipment declaration (catch-all: licence-required)' })
  @IsBoolean()
  noMilitaryUse: boolean;

  @ApiProperty()
  @IsBoolean()
  noReexportWithoutConsent: boolean;

  @ApiProperty()
  @IsBoolean()
  acceptsPostShipmentChecks: boolean;
}

export class SignatoryDto {
  @ApiProperty({ example: 'Erika Mustermann' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Head of Procurement' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  title: string;
}

export class FileEndUseDeclarationRequestDto {
  @ApiProperty({ type: PartyRequestDto, description: "The licence's end user" })
  @IsObject() @ValidateNested() @Type(() => PartyRequestDto)
  endUser: PartyRequestDto;

  @ApiProperty({ example: 'Sintered NdFeB magnets for wind-turbine generators' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  endUse: string;

  @ApiProperty()
  @IsIn(END_USE_CATEGORIES)
  endUseCategory: EndUseCategory;

  @ApiProperty({ type: CommitmentsDto })
  @IsObject() @ValidateNested() @Type(() => CommitmentsDto)
  commitments: CommitmentsDto;

  @ApiProperty({ type: SignatoryDto })
  @IsObject() @ValidateNested() @Type(() => SignatoryDto)
  signatory: SignatoryDto;

  @ApiProperty({ example: '2025-02-20', description: 'YYYY-MM-DD' })
  @IsCalendarDay()
  signedOn: string;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 of the signed document, 64 hex digits' })
  @IsString() @Matches(/^[0-9a-fA-F]{64}$/)
  documentSha256: string;
}
