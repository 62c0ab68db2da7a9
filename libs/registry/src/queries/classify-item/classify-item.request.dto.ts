import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDay } from '@ree/platform/http';
import { PRODUCT_ELEMENTS, PRODUCT_FORMS, type ProductElement, type ProductForm } from '@ree/shared-kernel';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { HS_CODE_PATTERN } from '../../control-list/formats';

export class ClassifyItemRequestDto {
  @ApiProperty({ enum: PRODUCT_ELEMENTS, example: 'Dy' })
  @IsIn(PRODUCT_ELEMENTS)
  element: ProductElement;

  @ApiProperty({ enum: PRODUCT_FORMS, example: 'separated-oxide' })
  @IsIn(PRODUCT_FORMS)
  productForm: ProductForm;

  @ApiProperty({ example: '2846.90', description: 'The HS code declared: digits, dots allowed' })
  @IsString() @MaxLength(20) @Matches(HS_CODE_PATTERN, { message: 'hsCode must be digits, dots allowed (2846.90)' })
  hsCode: string;

  @ApiPropertyOptional({ example: '2026-01-15', description: 'The day whose list applies, YYYY-MM-DD; today (UTC) when absent' })
  @IsOptional() @IsCalendarDay()
  on?: string;
}
