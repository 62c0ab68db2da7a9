import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StreamIntegrityResponseDto {
  @ApiProperty({ example: 'mine-6f1c2b7e-…' }) streamId: string;
  @ApiProperty({ description: 'Events checked: the whole stream unless maxCount sliced it' }) events: number;
  @ApiProperty({ description: 'The stored hash of the last event checked; 64 zeros when none was' }) headHash: string;
  @ApiPropertyOptional({ description: 'The first revision whose link does not hold: a changed event, a deleted one (the missing revision), one out of place' })
  firstBrokenRevision?: number;
  @ApiPropertyOptional({ description: 'With maxCount: the stream goes on; check from here (stream=…&fromRevision=…)' })
  nextRevision?: number;
}

export class ConsignmentIntegrityResponseDto {
  @ApiProperty({ description: 'Every link checked holds' }) valid: boolean;
  @ApiProperty({ type: [StreamIntegrityResponseDto], description: "The consignment's stream first, then its licence's and its mines'" })
  streams: StreamIntegrityResponseDto[];
}
