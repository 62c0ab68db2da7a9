import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A hold and its lifting carry the agent's reason, for the record. */
export class ShipmentReasonRequestDto {
  @ApiProperty({ example: 'Seal numbers differ from the declaration' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}
