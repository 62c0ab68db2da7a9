import { ApiProperty } from '@nestjs/swagger';
import { MineSummaryResponseDto } from '../get-mine/mine.response.dto';

export class MinePageResponseDto {
  @ApiProperty({ type: [MineSummaryResponseDto] }) items: MineSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
