import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HorizonResponseDto } from './horizon.response.dto';

export class RebuildProgressResponseDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['blue-green', 'in-place'], description: 'blue-green: reads answer from the old tables until the switch' })
  mode: string;
  @ApiProperty({ enum: ['replaying', 'switching', 'done', 'failed'] }) phase: string;
  @ApiProperty({ description: 'Events replayed so far (into the copy, for blue-green)' }) eventsProcessed: number;
  @ApiProperty({ type: String, nullable: true, description: 'How far the replay has come (a global position)' }) checkpoint: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The event store head when the rebuild began' }) target: string | null;
}

export class RebuildStatusResponseDto {
  @ApiProperty() jobId: string;
  @ApiProperty({ description: 'The BullMQ job state: waiting, delayed (a retry), active, completed, failed' }) state: string;
  @ApiProperty({ type: RebuildProgressResponseDto, nullable: true }) progress: RebuildProgressResponseDto | null;
  @ApiProperty({ description: 'The subject of the token that asked for it' }) requestedBy: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiPropertyOptional({ description: 'Why the last attempt failed' }) failedReason?: string;
}

export class ProjectionStatusResponseDto {
  @ApiProperty({ example: 'registry.mines' }) name: string;
  @ApiProperty({ enum: ['caught-up', 'catching-up', 'rebuilding'] }) state: string;
  @ApiProperty({ type: String, nullable: true, description: 'Global position of the last event applied' }) checkpoint: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the checkpoint last moved' }) updatedAt: string;
  @ApiProperty({ description: 'Events after the checkpoint, counted up to 10,000' }) lagEvents: number;
  @ApiProperty({ description: 'True when there are more than lagEvents says' }) lagEventsCapped: boolean;
  @ApiProperty({ description: 'Age of the oldest event not applied yet, 0 when caught up' }) lagMs: number;
  @ApiProperty({ description: 'Events passed since the last reset or switch' }) eventsProcessed: number;
  @ApiPropertyOptional({ type: RebuildStatusResponseDto, description: 'The rebuild job waiting or running, else the last one' })
  rebuild?: RebuildStatusResponseDto;
}

export class ProjectionListResponseDto {
  @ApiProperty({ type: [ProjectionStatusResponseDto] }) items: ProjectionStatusResponseDto[];
  @ApiProperty({
    type: HorizonResponseDto,
    description: 'How far every reader of the event store trails what is committed (events no projection can see yet), and who holds it back',
  })
  horizon: HorizonResponseDto;
}

export class RebuildAcceptedResponseDto {
  @ApiProperty() jobId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The BullMQ job state: waiting for a new job, or where the one already asked for stands' }) state: string;
}
