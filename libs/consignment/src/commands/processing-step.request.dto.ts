import { ApiProperty } from '@nestjs/swagger';
import { PRODUCT_FORMS, ProductForm } from '@ree/shared-kernel';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Process, PROCESSES } from '../consignment/consignment.events';
import { IsCalendarDay, IsPositiveKilograms } from '@ree/platform/http';

export class FacilityDto {
  @ApiProperty({ example: 'fac-baotou-sep-2' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  id: string;

  @ApiProperty({ example: 'Baotou separation plant 2' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Inner Mongolia' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  region: string;
}

/** The fields of a processing step, shared by its recording and its correction. */
export class ProcessingStepRequestDto {
  @ApiProperty({ type: FacilityDto })
  @IsDefined() @ValidateNested() @Type(() => FacilityDto)
  facility: FacilityDto;

  @ApiProperty()
  @IsIn(PROCESSES)
  process: Process;

  @ApiProperty()
  @IsIn(PRODUCT_FORMS)
  inputForm: ProductForm;

  @ApiProperty()
  @IsIn(PRODUCT_FORMS)
  outputForm: ProductForm;

  @ApiProperty({ example: 14000, description: 'REO-equivalent kilograms that went in' })
  @IsPositiveKilograms()
  inputKgReo: number;

  @ApiProperty({ example: 12600, description: 'REO-equivalent kilograms that came out; at most inputKgReo × 1.005' })
  @IsPositiveKilograms()
  outputKgReo: number;

  @ApiProperty({ example: '2025-02-10' })
  @IsCalendarDay()
  completedOn: string;
}
