import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { CancelConsignmentCommand } from './cancel-consignment.command';
import { CancelConsignmentRequestDto } from './cancel-consignment.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class CancelConsignmentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('exporter')
  @ApiOperation({
    summary: 'Cancel a consignment before release (ConsignmentCancelled); its quota draws are returned. position covers the returns',
  })
  @ApiOkResponse({ type: CommandResponse })
  async cancelConsignment(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: CancelConsignmentRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/cancel`);
    const result = await this.commandBus.execute<CancelConsignmentCommand, CommandResult<ConsignmentState>>(
      new CancelConsignmentCommand(consignmentId, body.reason, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
