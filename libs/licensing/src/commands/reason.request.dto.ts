import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The body of reject, suspend, reinstate and revoke. */
export class LicenceReasonRequestDto {
  @ApiProperty({ example: 'End-use check could not confirm the declared end user' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}
