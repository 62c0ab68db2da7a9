import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIST_CONSEQUENCES } from '../../restricted-list/restricted-list.events';
import type { ListConsequence } from '../../screening/party-screening';

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
  @ApiProperty({ format: 'uuid', description: 'The list the party is on' }) listId: string;
  @ApiProperty({ type: String, nullable: true, description: "The list's name (null only while an officer-defined list is not yet in the read model)" })
  listName: string | null;
  @ApiProperty({ enum: LIST_CONSEQUENCES, nullable: true, description: 'What a match on that list leads to' }) consequence: ListConsequence | null;
  @ApiPropertyOptional({ description: 'With `query`: similarity of the best name or alias, in [0, 1]' }) score?: number;
}

export class RestrictedPartyPageResponseDto {
  @ApiProperty({ type: [RestrictedPartyResponseDto] }) items: RestrictedPartyResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
