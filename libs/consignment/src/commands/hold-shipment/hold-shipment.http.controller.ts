import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { HoldShipmentCommand } from './hold-shipment.command';
import { ShipmentReasonRequestDto } from '../shipment-reason.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class HoldShipmentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/shipment/hold')
  @HttpCode(200)
  @Roles('customs-agent')
  @ApiOperation({ summary: 'Hold a declared shipment (ShipmentHeld): no release until the hold is lifted' })
  @ApiOkResponse({ type: CommandResponse })
  async holdShipment(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: ShipmentReasonRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/shipment/hold`);
    const result = await this.commandBus.execute<HoldShipmentCommand, CommandResult<ConsignmentState>>(
      new HoldShipmentCommand(consignmentId, body.reason, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
