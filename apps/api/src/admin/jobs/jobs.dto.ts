import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JOB_RECORD_STATES, JobRecordState } from '@ree/platform/jobs';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** The most jobs one listing answers. */
export const MAX_JOBS_LISTED = 500;

export class QueueJobCountsResponseDto {
  @ApiProperty({ example: 'licensing.expire-licences' }) queue: string;
  @ApiProperty({ description: 'Due at dueAt; waiting or delayed in Redis (or put back there by the next sweep)' }) pending: number;
  @ApiProperty({ description: 'An attempt is under way' }) running: number;
  @ApiProperty({ description: 'An attempt failed; BullMQ tries again with back-off' }) failed: number;
  @ApiProperty({ description: 'Every attempt failed; nothing happens until an administrator retries it' }) dead: number;
  @ApiProperty() completed: number;
}

export class JobCountsResponseDto {
  @ApiProperty({ type: [QueueJobCountsResponseDto], description: 'Every queue that has recorded jobs' }) items: QueueJobCountsResponseDto[];
}

export class ListJobsRequestDto {
  @ApiPropertyOptional({ default: 'dead' })
  @IsOptional() @IsIn([...JOB_RECORD_STATES])
  state?: JobRecordState;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_JOBS_LISTED)
  limit?: number;
}

export class JobResponseDto {
  @ApiProperty() queue: string;
  @ApiProperty({ description: 'The id of the event that caused it (an anchor’s: start-… or repeat:…)' }) jobId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: JOB_RECORD_STATES }) state: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ description: 'Attempts started since it was recorded or last retried' }) attempts: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed' }) lastError: string | null;
  @ApiProperty({ nullable: true, description: 'What the job returned, once completed' }) outcome: unknown;
  @ApiProperty({ type: Object, description: 'What the job was given' }) data: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'Global position of the causing event' }) position: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class JobListResponseDto {
  @ApiProperty({ type: [JobResponseDto], description: 'The most recently changed first' }) items: JobResponseDto[];
}

export class JobRetriedResponseDto extends JobResponseDto {
  @ApiProperty({ description: 'false when Redis did not take it now: the worker’s next sweep queues it' }) queued: boolean;
}
