import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { MineState } from '../../mine/mine.state';
import { newIdFor } from '../command-options';
import { AllocateMiningQuotaCommand } from './allocate-mining-quota.command';
import { AllocateMiningQuotaRequestDto } from './allocate-mining-quota.request.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('mines')
export class AllocateMiningQuotaHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':mineId/quotas')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: "Allocate a batch of a mine's annual quota (MiningQuotaAllocated); batches add up" })
  @ApiOkResponse({ type: CommandResponse })
  async allocateMiningQuota(
    @Param('mineId', ParseIdPipe) mineId: string,
    @Body() body: AllocateMiningQuotaRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const allocation = { allocationId: newIdFor(ctx, `mine-quota/${mineId}`), ...body };
    const result = await this.commandBus.execute<AllocateMiningQuotaCommand, CommandResult<MineState>>(
      new AllocateMiningQuotaCommand(mineId, allocation, ctx),
    );
    return CommandResponse.of(mineId, result);
  }
}
