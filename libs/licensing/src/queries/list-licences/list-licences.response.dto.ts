import { ApiProperty } from '@nestjs/swagger';
import { LicenceSummaryResponseDto } from '../get-licence/licence.response.dto';

export class LicencePageResponseDto {
  @ApiProperty({ type: [LicenceSummaryResponseDto] }) items: LicenceSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
