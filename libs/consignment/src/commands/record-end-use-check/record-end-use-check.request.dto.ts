import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDay } from '@ree/platform/http';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { END_USE_CHECK_OUTCOMES, EndUseCheckOutcome } from '../../consignment/consignment.events';

export class RecordEndUseCheckRequestDto {
  @ApiProperty({ example: '2025-06-01' })
  @IsCalendarDay()
  checkedOn: string;

  @ApiProperty()
  @IsIn(END_USE_CHECK_OUTCOMES)
  outcome: EndUseCheckOutcome;

  @ApiPropertyOptional({ example: 'Site visit in Hanau: magnets in production', default: '' })
  @IsOptional() @IsString() @MaxLength(4000)
  notes?: string;
}
