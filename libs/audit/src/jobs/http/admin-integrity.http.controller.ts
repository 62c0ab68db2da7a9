import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { DataSource } from 'typeorm';
import { AnchorFindingResponseDto } from '../../anchors/http/anchor-check.response.dto';
import { sweepRecords } from '../sweep-records';

export class IntegritySweepResponseDto {
  @ApiProperty({ format: 'uuid' }) sweepId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The BullMQ job that ran it' }) jobId: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) finishedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The anchor the log was checked against; null when none was taken' }) anchorId: string | null;
  @ApiProperty({ description: 'Streams whose whole chain was recomputed' }) streams: number;
  @ApiProperty({ description: 'Events read in them' }) events: number;
  @ApiProperty({ description: 'False when anything was found' }) consistent: boolean;
  @ApiProperty({ type: [AnchorFindingResponseDto] }) findings: AnchorFindingResponseDto[];
}

export class AdminIntegrityResponseDto {
  @ApiProperty({ type: IntegritySweepResponseDto, nullable: true, description: 'The last integrity sweep; null before the first' })
  lastSweep: IntegritySweepResponseDto | null;
  @ApiProperty({ type: IntegritySweepResponseDto, nullable: true, description: 'The last sweep that found anything, when there was one among the last 100' })
  lastBreak: IntegritySweepResponseDto | null;
}

/** What an administrator is alerted to: the last integrity sweep and the last one that found a break. */
@ApiTags('admin')
@Controller('admin/integrity')
export class AdminIntegrityHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The last integrity sweep (every stream's chain and the global log against the latest anchor) and the last one that found a break" })
  @ApiOkResponse({ type: AdminIntegrityResponseDto })
  async integrity(): Promise<AdminIntegrityResponseDto> {
    const recent = await sweepRecords.latest(this.dataSource, 100);
    const lastBreak = recent.find((sweep) => !sweep.consistent) ?? null;
    return { lastSweep: (recent[0] ?? null) as IntegritySweepResponseDto | null, lastBreak: lastBreak as IntegritySweepResponseDto | null };
  }
}
