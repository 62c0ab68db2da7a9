import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RestrictedPartyResponseDto {
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty() country: string;
  @ApiProperty() reason: string;
  @ApiProperty() listReference: string;
  @ApiProperty({ enum: ['listed', 'delisted'] }) status: 'listed' | 'delisted';
  @ApiProperty({ format: 'date-time' }) listedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) delistedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) delistingReason: string | null;
  @ApiPropertyOptional({ description: 'With `query`: similarity of the best name or alias, in [0, 1]' }) score?: number;
}

export class RestrictedPartyPageResponseDto {
  @ApiProperty({ type: [RestrictedPartyResponseDto] }) items: RestrictedPartyResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
