import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCountryCode, PageRequestDto } from '@ree/platform/http';

export class ListOwnershipRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ description: 'Facts where this company is the owner or the owned (name skeleton equality, as the walk matches)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300)
  company?: string;

  @ApiPropertyOptional({ description: "ISO 3166-1 alpha-2: with company, the company's country" })
  @IsOptional() @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ enum: ['in-force', 'ended'] })
  @IsOptional() @IsIn(['in-force', 'ended'])
  status?: 'in-force' | 'ended';
}
