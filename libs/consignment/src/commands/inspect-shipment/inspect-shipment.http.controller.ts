import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { InspectShipmentCommand } from './inspect-shipment.command';
import { InspectShipmentRequestDto } from './inspect-shipment.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class InspectShipmentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/shipment/inspection')
  @HttpCode(200)
  @Roles('customs-agent')
  @ApiOperation({ summary: 'Record the inspection of a declared shipment (ShipmentInspected), before release' })
  @ApiOkResponse({ type: CommandResponse })
  async inspectShipment(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: InspectShipmentRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/shipment/inspection`);
    const result = await this.commandBus.execute<InspectShipmentCommand, CommandResult<ConsignmentState>>(
      new InspectShipmentCommand(consignmentId, { ...body, notes: body.notes ?? '' }, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
