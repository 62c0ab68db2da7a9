import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class NotifyLicenceRequirementRequestDto {
  @ApiProperty({ example: 'The end user supplies a missile programme', description: 'Why the consignment needs a licence although the control list does not name it' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  reason: string;
}
