import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { RecordDepartureCommand } from './record-departure.command';
import { RecordDepartureRequestDto } from './record-departure.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class RecordDepartureHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/shipment/departure')
  @HttpCode(200)
  @Roles('customs-agent')
  @ApiOperation({ summary: 'Record the departure of a released shipment (ShipmentDeparted)' })
  @ApiOkResponse({ type: CommandResponse })
  async recordDeparture(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: RecordDepartureRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/shipment/departure`);
    const result = await this.commandBus.execute<RecordDepartureCommand, CommandResult<ConsignmentState>>(
      new RecordDepartureCommand(consignmentId, { ...body }, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
