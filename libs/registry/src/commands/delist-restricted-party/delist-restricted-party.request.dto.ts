import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DelistRestrictedPartyRequestDto {
  @ApiProperty({ example: 'Removed by announcement UEL-2025-4' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}
