import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import { MAX_REVISION, toWholeNumber } from '../query-values';

export const MAX_INTEGRITY_SLICE = 10_000;
const STREAM_ID = /^(consignment|licence|mine)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Optional slicing, for clients that show progress on long streams; without it every stream is checked whole. */
export class CheckConsignmentIntegrityRequestDto {
  @ApiPropertyOptional({ example: 'mine-6f1c2b7e-0000-4000-8000-0000000000b1', description: "Only this one of the consignment's streams (as `streams[].streamId` names it)" })
  @ValidateIf((request: CheckConsignmentIntegrityRequestDto) => request.stream !== undefined || request.fromRevision !== undefined)
  @IsDefined({ message: 'stream is required with fromRevision' })
  @Matches(STREAM_ID, { message: 'stream must be a consignment-, licence- or mine- stream id' })
  stream?: string;

  @ApiPropertyOptional({ type: Number, description: 'With stream: start here; its first link is checked against the stored hash of the event before' })
  @IsOptional() @Transform(toWholeNumber) @IsInt() @Min(0) @Max(MAX_REVISION)
  fromRevision?: number;

  @ApiPropertyOptional({ type: Number, description: 'Check at most this many events per stream; a stream with more answers nextRevision' })
  @IsOptional() @Transform(toWholeNumber) @IsInt() @Min(1) @Max(MAX_INTEGRITY_SLICE)
  maxCount?: number;
}
