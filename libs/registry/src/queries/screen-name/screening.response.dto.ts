import { ApiProperty } from '@nestjs/swagger';

export class ScreeningMatchResponseDto {
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The name or alias that scored best' }) matchedName: string;
  @ApiProperty({ description: "That name's confusable skeleton (UTS #39), the form it was compared in" }) matchedSkeleton: string;
  @ApiProperty() country: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
}

export class ScreeningResponseDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: "The screened name's confusable skeleton (UTS #39), the form it was compared in" }) skeleton: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ description: 'Scores at or above it are matches' }) threshold: number;
  @ApiProperty() algorithm: string;
  @ApiProperty({ type: String, nullable: true, description: "The restricted list's projection checkpoint that was searched" })
  listPosition: string | null;
  @ApiProperty({ type: [ScreeningMatchResponseDto] }) matches: ScreeningMatchResponseDto[];
}
