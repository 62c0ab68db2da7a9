import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RejectControlAnnouncementRequestDto {
  @ApiProperty({ example: 'The effective date was misread: the text says 8 November 2025' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}
