import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { OwnershipState } from '../../ownership/ownership.state';
import { EndOwnershipCommand } from './end-ownership.command';
import { EndOwnershipRequestDto } from './end-ownership.request.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('ownership')
export class EndOwnershipHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':factId/end')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'End an ownership fact: it leaves the walk (OwnershipEnded)' })
  @ApiOkResponse({ type: CommandResponse })
  async endOwnership(
    @Param('factId', ParseIdPipe) factId: string,
    @Body() body: EndOwnershipRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const result = await this.commandBus.execute<EndOwnershipCommand, CommandResult<OwnershipState>>(
      new EndOwnershipCommand(factId, body.endedOn, body.reason, ctx),
    );
    return CommandResponse.of(factId, result);
  }
}
