import { ApiProperty } from '@nestjs/swagger';
import { LIST_CONSEQUENCES } from '../../restricted-list/restricted-list.events';
import type { ListConsequence } from '../../screening/party-screening';

export class RestrictedListResponseDto {
  @ApiProperty({ format: 'uuid' }) listId: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: LIST_CONSEQUENCES }) consequence: ListConsequence;
  @ApiProperty({ description: 'One of the lists the regime publishes, present from the first start' }) reference: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) definedAt: string;
}

export class RestrictedListsResponseDto {
  @ApiProperty({ type: [RestrictedListResponseDto] }) items: RestrictedListResponseDto[];
}
