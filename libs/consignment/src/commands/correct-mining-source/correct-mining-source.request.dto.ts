import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MiningSourceRequestDto } from '../mining-source.request.dto';

/** Every field of the source as it should have been declared, and why. */
export class CorrectMiningSourceRequestDto extends MiningSourceRequestDto {
  @ApiProperty({ example: 'Weighbridge ticket corrected: 13,200 kg REO' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}
