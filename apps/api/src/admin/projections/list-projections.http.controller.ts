import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { NotFound } from '@ree/shared-kernel';
import { ProjectionNamePipe } from './projection-name.pipe';
import { ProjectionStatusReader } from './projection-status.reader';
import { ProjectionListResponseDto, ProjectionStatusResponseDto } from './projection-status.response.dto';

/**
 * Operations (docs/api.md, "Operations"): every projection's checkpoint, lag, state and rebuild. Auditors may read it
 * too: it holds no business data, and tells them how current the read models they rely on are.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/projections')
export class ListProjectionsHttpController {
  constructor(private readonly reader: ProjectionStatusReader) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Every projection a worker has run (checkpoint, lag, state and its rebuild job), and the event store’s readable horizon' })
  @ApiOkResponse({ type: ProjectionListResponseDto })
  async listProjections(): Promise<ProjectionListResponseDto> {
    const [items, horizon] = await Promise.all([this.reader.list(), this.reader.horizon()]);
    return { items, horizon };
  }

  @Get(':name')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'One projection: checkpoint, lag, state and its rebuild job (where a rebuild request points)' })
  @ApiParam({ name: 'name', example: 'review.consignments' })
  @ApiOkResponse({ type: ProjectionStatusResponseDto })
  @ApiNotFoundResponse({ description: 'No worker has run a projection of that name' })
  async getProjection(@Param('name', ProjectionNamePipe) name: string): Promise<ProjectionStatusResponseDto> {
    const status = await this.reader.one(name);
    if (!status) throw new NotFound('Projection', name);
    return status;
  }
}
