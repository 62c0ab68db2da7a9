import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HS_CODES, HsCode, PRODUCT_ELEMENTS, ProductElement } from '@ree/shared-kernel';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LICENCE_KINDS, type LicenceKind } from '../../licence/licence.events';
import { IsCountryCode, IsPositiveKilograms, PartyRequestDto } from '@ree/platform/http';

export class LicenceItemDto {
  @ApiProperty({ example: 'Praseodymium-neodymium oxide ≥ 99 %' })
  @IsString() @IsNotEmpty() @MaxLength(300)
  product: string;

  @ApiProperty({ example: '2846.90' })
  @IsIn(HS_CODES)
  hsCode: HsCode;

  @ApiProperty({ example: 'NdPr' })
  @IsIn(PRODUCT_ELEMENTS)
  element: ProductElement;

  @ApiProperty({ example: 20000, description: 'Kilograms, > 0, at most three decimals' })
  @IsPositiveKilograms()
  quantityKg: number;
}

/** UN/LOCODE: two letters of the country and three of the place (e.g. CNTSN for Tianjin). */
const UN_LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;

export class GeneralLicenceEligibilityDto {
  @ApiProperty({ example: true, description: 'The exporter runs an internal export-control compliance programme' })
  @IsBoolean()
  internalControlProgramme: boolean;

  @ApiProperty({ example: true, description: 'The exporter has had no export-control penalty in the last three years' })
  @IsBoolean()
  noPenaltiesInThreeYears: boolean;

  @ApiPropertyOptional({ example: 'ICP record 2024-017', description: 'Where the officer finds the evidence' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500)
  evidence?: string;
}

export class ApplyForLicenceRequestDto {
  @ApiPropertyOptional({
    enum: LICENCE_KINDS,
    default: 'single-use',
    description:
      'single-use: one customs declaration; multi-use: at most 12, all at customsOffice; general: any number to its one consignee and end user, ' +
      'valid one year at most, with the eligibility facts. Default single-use.',
  })
  @IsOptional() @IsIn(LICENCE_KINDS)
  kind?: LicenceKind;

  @ApiPropertyOptional({ example: 'CNTSN', description: 'UN/LOCODE of the customs office (port of export) every declaration goes through: required for multi-use' })
  @IsOptional() @Matches(UN_LOCODE, { message: 'customsOffice must be a UN/LOCODE (e.g. CNTSN)' })
  customsOffice?: string;

  @ApiPropertyOptional({ type: GeneralLicenceEligibilityDto, description: 'Required for a general licence (both facts true); the other kinds do not record it' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => GeneralLicenceEligibilityDto)
  eligibility?: GeneralLicenceEligibilityDto;

  @ApiProperty({ type: PartyRequestDto, description: 'Who receives the goods' })
  @IsObject() @ValidateNested() @Type(() => PartyRequestDto)
  consignee: PartyRequestDto;

  @ApiProperty({ type: PartyRequestDto, description: 'Who uses them' })
  @IsObject() @ValidateNested() @Type(() => PartyRequestDto)
  endUser: PartyRequestDto;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  destinationCountry: string;

  @ApiProperty({ type: [LicenceItemDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => LicenceItemDto)
  items: LicenceItemDto[];

  @ApiProperty({ example: 'Sintered NdFeB magnets for industrial motors' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  intendedEndUse: string;
}
