import { ApiProperty } from '@nestjs/swagger';
import { LIST_CONSEQUENCES } from '../../restricted-list/restricted-list.events';
import type { ListConsequence } from '../../screening/party-screening';

export class OwnershipLinkResponseDto {
  @ApiProperty() owner: string;
  @ApiProperty() owned: string;
  @ApiProperty({ description: 'Percent of the owned company the owner holds' }) sharePercent: number;
}

export class ScreeningMatchResponseDto {
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The name or alias that scored best' }) matchedName: string;
  @ApiProperty({ description: "That name's confusable skeleton (UTS #39), the form it was compared in" }) matchedSkeleton: string;
  @ApiProperty() country: string;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'The matcher\'s score; 1 for a match through the ownership registry, whose links are exact' }) score: number;
  @ApiProperty({ format: 'uuid' }) listId: string;
  @ApiProperty() listName: string;
  @ApiProperty({ enum: LIST_CONSEQUENCES, description: 'refuse, licence-required (with case review) or flag' }) consequence: ListConsequence;
  @ApiProperty({
    type: [OwnershipLinkResponseDto],
    description: 'Empty when the name matched the party; else the majority holdings (each ≥ 50 %) from the screened company up to the party',
  })
  chain: OwnershipLinkResponseDto[];
}

export class ScreeningResponseDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: "The screened name's confusable skeleton (UTS #39), the form it was compared in" }) skeleton: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ description: 'Scores at or above it are matches' }) threshold: number;
  @ApiProperty() algorithm: string;
  @ApiProperty({ type: String, nullable: true, description: 'The earliest of the restricted-party and ownership projections\' checkpoints that were searched' })
  listPosition: string | null;
  @ApiProperty({ type: [ScreeningMatchResponseDto] }) matches: ScreeningMatchResponseDto[];
}
