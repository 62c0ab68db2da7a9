import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CancelConsignmentRequestDto {
  @ApiProperty({ example: 'Buyer withdrew the order' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}
