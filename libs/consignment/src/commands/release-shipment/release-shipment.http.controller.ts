import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { ReleaseShipmentCommand } from './release-shipment.command';
import { ReleaseShipmentRequestDto } from './release-shipment.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class ReleaseShipmentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/shipment/release')
  @HttpCode(200)
  @Roles('customs-agent')
  @ApiOperation({
    summary: 'Release the shipment (ShipmentReleased), never while held; the licence records the declared net mass as shipped. position covers the licence',
  })
  @ApiOkResponse({ type: CommandResponse })
  async releaseShipment(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: ReleaseShipmentRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/shipment/release`);
    const result = await this.commandBus.execute<ReleaseShipmentCommand, CommandResult<ConsignmentState>>(
      new ReleaseShipmentCommand(consignmentId, body.releasedOn, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
