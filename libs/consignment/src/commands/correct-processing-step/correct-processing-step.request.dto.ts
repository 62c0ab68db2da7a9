import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ProcessingStepRequestDto } from '../processing-step.request.dto';

/** Every field of the step as it should have been recorded, and why. */
export class CorrectProcessingStepRequestDto extends ProcessingStepRequestDto {
  @ApiProperty({ example: 'Assay certificate re-issued: output was 12,400 kg REO' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}
