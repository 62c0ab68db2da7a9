import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LIST_CONSEQUENCES } from '../../restricted-list/restricted-list.events';
import type { ListConsequence } from '../../screening/party-screening';

export class DefineRestrictedListRequestDto {
  @ApiProperty({ example: 'Magnet brokers under observation' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Brokers seen re-exporting magnets to restricted end users' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  description: string;

  @ApiProperty({
    enum: LIST_CONSEQUENCES,
    description: 'refuse: no licence; licence-required: a licence with case review, approval refused in principle; flag: recorded and flagged only',
  })
  @IsIn(LIST_CONSEQUENCES)
  consequence: ListConsequence;
}
