import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCountryCode } from '@ree/platform/http';

export class ScreenNameRequestDto {
  @ApiProperty({ example: 'Lockheed Martin Corp.' })
  @IsString() @IsNotEmpty() @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2; ranks same-country parties first, excludes none; with it, the ownership registry is walked from the company' })
  @IsOptional() @IsCountryCode()
  country?: string;
}
