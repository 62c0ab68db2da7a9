import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const BREAK_REASONS = ['malformed', 'revision-gap', 'prev-hash', 'hash', 'seal', 'no-events'];

export class StreamIntegrityResponseDto {
  @ApiProperty({ example: 'mine-6f1c2b7e-…' }) streamId: string;
  @ApiProperty({ description: 'Events checked: the whole stream unless maxCount sliced it' }) events: number;
  @ApiProperty({ description: 'The stored hash of the last event checked; 64 zeros when none was' }) headHash: string;
  @ApiPropertyOptional({ description: 'The first revision whose link does not hold: a changed event, a deleted one (the missing revision), one out of place' })
  firstBrokenRevision?: number;
  @ApiPropertyOptional({
    enum: BREAK_REASONS,
    description:
      'Why: malformed (the row is no event envelope), revision-gap (a revision is missing), prev-hash (the event before was replaced or re-hashed), ' +
      'hash (the event was changed), seal (the hash holds but was not made by the service: re-hashed or forged), no-events (a stream drawn on holds none)',
  })
  reason?: string;
  @ApiPropertyOptional({ description: 'With maxCount: the stream goes on; check from here (stream=…&fromRevision=…)' })
  nextRevision?: number;
}

export class LatestAnchorResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) takenAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The last global position the anchor covers' }) lastPosition: string | null;
  @ApiProperty({ description: 'POST here to check the store against the anchor' }) check: string;
}

export class ConsignmentIntegrityResponseDto {
  @ApiProperty({ description: 'Every link checked holds, seals included' }) valid: boolean;
  @ApiProperty({ type: [StreamIntegrityResponseDto], description: "The consignment's stream first, then its licence's and its mines'" })
  streams: StreamIntegrityResponseDto[];
  @ApiProperty({
    type: LatestAnchorResponseDto,
    nullable: true,
    description:
      'What the chain alone cannot show (a deleted tail, a whole stream deleted, a stream rewritten and re-hashed with the key, an event forged ' +
      "at an old position) only a check against an anchor taken before shows: this is the latest one; null when none was taken",
  })
  latestAnchor: LatestAnchorResponseDto | null;
}
