import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HS_CODES, HsCode, PRODUCT_ELEMENTS, PRODUCT_FORMS, ProductElement, ProductForm } from '@ree/shared-kernel';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsCountryCode, IsPositiveKilograms } from '@ree/platform/http';

/**
 * Forms whose mass is their oxide equivalent: separated and mixed oxides are REO, and docs/domain.md
 * lets carbonates count at their mass too. Every other form must state its REO content.
 */
export const FORMS_COUNTED_AT_MASS: readonly ProductForm[] = ['separated-oxide', 'mixed-oxide', 'mixed-carbonate'];

export class RegisterConsignmentRequestDto {
  @ApiProperty({ example: 'Neodymium oxide 99.5 %' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  product: string;

  @ApiProperty()
  @IsIn(PRODUCT_FORMS)
  productForm: ProductForm;

  @ApiProperty({ example: 'Nd' })
  @IsIn(PRODUCT_ELEMENTS)
  element: ProductElement;

  @ApiProperty({ example: '2846.90' })
  @IsIn(HS_CODES)
  hsCode: HsCode;

  @ApiProperty({ example: 12000.5, description: 'Net mass in kilograms, > 0, at most three decimals' })
  @IsPositiveKilograms()
  quantityKg: number;

  @ApiPropertyOptional({
    example: 12000.5,
    description:
      'Rare-earth content as oxide equivalent (kg). Defaults to quantityKg for oxides and mixed carbonate; required for ore concentrate, metal, alloy, magnet and other forms',
  })
  @ValidateIf((dto: RegisterConsignmentRequestDto) => dto.reoEquivalentKg !== undefined || !FORMS_COUNTED_AT_MASS.includes(dto.productForm))
  @IsPositiveKilograms()
  reoEquivalentKg?: number;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  destinationCountry: string;
}
