import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_LIMIT, MAX_LIMIT } from './pagination';

/** Lists (docs/http-conventions.md, "Ids, dates and lists"): `?limit=` (≤ 200, default 50) and the opaque `?cursor=` of the previous page. */
export class PageRequestDto {
  @ApiPropertyOptional({ default: DEFAULT_LIMIT })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(1000)
  cursor?: string;
}
