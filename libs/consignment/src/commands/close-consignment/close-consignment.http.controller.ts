import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { CloseConsignmentCommand } from './close-consignment.command';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class CloseConsignmentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/close')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Close a consignment after its end-use check (ConsignmentClosed); no body' })
  @ApiOkResponse({ type: CommandResponse })
  async closeConsignment(@Param('id', ParseIdPipe) consignmentId: string, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/close`);
    const result = await this.commandBus.execute<CloseConsignmentCommand, CommandResult<ConsignmentState>>(
      new CloseConsignmentCommand(consignmentId, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
