import { ApiProperty } from '@nestjs/swagger';
import { HS_CODES, HsCode, PRODUCT_ELEMENTS, ProductElement } from '@ree/shared-kernel';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCountryCode, IsPositiveKilograms } from '@ree/platform';

export class LicencePartyDto {
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

export class LicenceItemDto {
  @ApiProperty({ example: 'Praseodymium-neodymium oxide ≥ 99 %' })
  @IsString() @IsNotEmpty() @MaxLength(300)
  product: string;

  @ApiProperty({ enum: HS_CODES, example: '2846.90' })
  @IsIn(HS_CODES)
  hsCode: HsCode;

  @ApiProperty({ enum: PRODUCT_ELEMENTS, example: 'NdPr' })
  @IsIn(PRODUCT_ELEMENTS)
  element: ProductElement;

  @ApiProperty({ example: 20000, description: 'Kilograms, > 0, at most three decimals' })
  @IsPositiveKilograms()
  quantityKg: number;
}

export class ApplyForLicenceRequestDto {
  @ApiProperty({ type: LicencePartyDto, description: 'Who receives the goods' })
  @IsObject() @ValidateNested() @Type(() => LicencePartyDto)
  consignee: LicencePartyDto;

  @ApiProperty({ type: LicencePartyDto, description: 'Who uses them' })
  @IsObject() @ValidateNested() @Type(() => LicencePartyDto)
  endUser: LicencePartyDto;

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
