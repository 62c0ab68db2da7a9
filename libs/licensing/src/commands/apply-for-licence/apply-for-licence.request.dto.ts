import { ApiProperty } from '@nestjs/swagger';
import { HS_CODES, HsCode, PRODUCT_ELEMENTS, ProductElement } from '@ree/shared-kernel';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
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

export class ApplyForLicenceRequestDto {
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
