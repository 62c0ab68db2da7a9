import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDay } from '@ree/platform/http';

export class EndOwnershipRequestDto {
  @ApiProperty({ example: '2026-11-15', description: 'The day the fact stopped holding (YYYY-MM-DD)' })
  @IsCalendarDay()
  endedOn: string;

  @ApiProperty({ example: 'Shares sold to an unrelated investor (register extract of 2026-11-16)' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}
