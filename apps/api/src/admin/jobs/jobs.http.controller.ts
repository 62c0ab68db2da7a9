import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { AdminJobs } from './admin-jobs';
import { JobIdPipe, QueueNamePipe } from './job-path.pipes';
import { JobCountsResponseDto, JobListResponseDto, JobRetriedResponseDto, ListJobsRequestDto } from './jobs.dto';

/**
 * Operations: the jobs the events called for, as PostgreSQL records them (docs/operations.md,
 * "Jobs and reactors"). Administrators only: a job's data names licences, consignments and
 * listed parties.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/jobs')
export class JobsHttpController {
  constructor(private readonly jobs: AdminJobs) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Jobs per queue: pending, running, failed, dead and completed' })
  @ApiOkResponse({ type: JobCountsResponseDto })
  async countJobs(): Promise<JobCountsResponseDto> {
    return { items: await this.jobs.counts() };
  }

  @Get(':queue')
  @Roles('admin')
  @ApiOperation({ summary: 'A queue’s jobs in one state (dead by default), the most recently changed first' })
  @ApiParam({ name: 'queue', example: 'licensing.expire-licences' })
  @ApiOkResponse({ type: JobListResponseDto })
  async listJobs(@Param('queue', QueueNamePipe) queue: string, @Query() request: ListJobsRequestDto): Promise<JobListResponseDto> {
    return { items: await this.jobs.list(queue, request.state ?? 'dead', request.limit ?? 100) };
  }

  @Post(':queue/:jobId/retry')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Run a dead job again: back to pending, its attempts reset, queued at once' })
  @ApiParam({ name: 'queue', example: 'review.deadline-flags' })
  @ApiParam({ name: 'jobId', example: '0b9d7f1e-5a3c-4e2b-9f6d-1c8a7e4b2d90' })
  @ApiAcceptedResponse({ type: JobRetriedResponseDto })
  @ApiNotFoundResponse({ description: 'No job of that id on that queue' })
  @ApiConflictResponse({ description: 'The job is not dead (job-not-dead)' })
  async retryJob(@Param('queue', QueueNamePipe) queue: string, @Param('jobId', JobIdPipe) jobId: string): Promise<JobRetriedResponseDto> {
    return this.jobs.retry(queue, jobId);
  }
}
