import { ApiProperty } from '@nestjs/swagger';

export class CompanyResponseDto {
  @ApiProperty() name: string;
  @ApiProperty() country: string;
}

export class OwnershipFactResponseDto {
  @ApiProperty({ format: 'uuid' }) factId: string;
  @ApiProperty({ type: CompanyResponseDto }) owner: CompanyResponseDto;
  @ApiProperty({ type: CompanyResponseDto }) owned: CompanyResponseDto;
  @ApiProperty() sharePercent: number;
  @ApiProperty() source: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ enum: ['in-force', 'ended'] }) status: 'in-force' | 'ended';
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
}

export class OwnershipPageResponseDto {
  @ApiProperty({ type: [OwnershipFactResponseDto] }) items: OwnershipFactResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
