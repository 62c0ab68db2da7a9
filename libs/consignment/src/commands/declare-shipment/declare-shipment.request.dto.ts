import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDay, IsCountryCode, IsPositiveKilograms } from '@ree/platform/http';
import { HS_CODES, HsCode } from '@ree/shared-kernel';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CONTROL_REMARKS, type ControlRemark } from '../../consignment/consignment.events';
import { UN_LOCODE } from '../validation';

export class DeclareShipmentRequestDto {
  @ApiProperty({ example: '020120250000123456', description: "Customs' own number of the export declaration" })
  @IsString() @IsNotEmpty() @MaxLength(50)
  customsDeclarationNo: string;

  @ApiProperty({ example: 'CNTSN', description: 'UN/LOCODE of the port of export' })
  @Matches(UN_LOCODE, { message: 'portOfExport must be a UN/LOCODE (e.g. CNTSN)' })
  portOfExport: string;

  @ApiProperty({ example: 'COSCO Shipping' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  carrier: string;

  @ApiProperty({ example: ['CSNU1234565'], type: [String] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(20, { each: true })
  containerNos: string[];

  @ApiProperty({ example: 12000, description: "Net kilograms declared, at most what the consignment holds on its licence" })
  @IsPositiveKilograms()
  declaredNetKg: number;

  @ApiProperty({ example: '2846.90', description: "Must be the consignment's" })
  @IsIn(HS_CODES)
  hsCode: HsCode;

  @ApiProperty({ example: 'DE', description: "ISO 3166-1 alpha-2; must be the consignment's" })
  @IsCountryCode()
  destinationCountry: string;

  @ApiProperty({ example: '2025-03-01' })
  @IsCalendarDay()
  declaredOn: string;

  @ApiPropertyOptional({
    enum: CONTROL_REMARKS,
    description:
      "The declaration's remark: whether the item is on the control list in force on declaredOn. The product derives it and records it; a stated remark that contradicts it is refused (422 control-remark-contradicted)",
  })
  @IsOptional() @IsIn(CONTROL_REMARKS)
  controlRemark?: ControlRemark;
}
