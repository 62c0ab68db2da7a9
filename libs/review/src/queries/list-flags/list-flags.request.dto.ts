import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageRequestDto } from '@ree/platform/http';
import { IsIn, IsOptional } from 'class-validator';
import { FLAG_SEVERITIES, RED_FLAG_CODES } from '../readers';

/** `GET /flags?code=&severity=&open=true`. */
export class ListFlagsRequestDto extends PageRequestDto {
  @ApiPropertyOptional()
  @IsOptional() @IsIn(RED_FLAG_CODES)
  code?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsIn(FLAG_SEVERITIES)
  severity?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'true',
    description: 'true: the flags still open (the default); false: the flags that were cleared',
  })
  @IsOptional() @IsIn(['true', 'false'])
  open?: string;
}
