import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../http/authenticated-request';
import { GLOBAL_PREFIX } from '../../http/configure-http';
import { ProjectionNamePipe } from './projection-name.pipe';
import { ProjectionRebuilds } from './projection-rebuilds';
import { RebuildAcceptedResponseDto } from './projection-status.response.dto';

/**
 * Operations (docs/api.md, "Operations"): a rebuild is a BullMQ job that a worker runs; the request answers at once
 * with 202 and the job, and `Location` points at the projection's status, which reports the job's
 * progress. Asking again while it waits or runs answers the same job.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/projections')
export class RebuildProjectionHttpController {
  constructor(private readonly rebuilds: ProjectionRebuilds) {}

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Rebuild a read model from the events, as a job (blue/green ones keep answering from the old tables meanwhile)' })
  @ApiParam({ name: 'name', example: 'review.consignments' })
  @ApiAcceptedResponse({ type: RebuildAcceptedResponseDto, description: 'Location: the projection’s status, with the job’s progress' })
  @ApiNotFoundResponse({ description: 'No worker has run a projection of that name' })
  async rebuildProjection(
    @Param('name', ProjectionNamePipe) name: string,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RebuildAcceptedResponseDto> {
    const accepted = await this.rebuilds.request(name, request.actor!.sub, request.receivedAt ?? new Date());
    response.setHeader('Location', `/${GLOBAL_PREFIX}/admin/projections/${encodeURIComponent(name)}`);
    return accepted;
  }
}
