import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDay } from '@ree/platform/http';
import { IsOptional } from 'class-validator';

export class ControlListOnRequestDto {
  @ApiPropertyOptional({ example: '2026-01-15', description: 'YYYY-MM-DD; today (UTC) when absent' })
  @IsOptional() @IsCalendarDay()
  asOf?: string;
}
