import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { RecordArrivalCommand } from './record-arrival.command';
import { RecordArrivalRequestDto } from './record-arrival.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class RecordArrivalHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/shipment/arrival')
  @HttpCode(200)
  @Roles('customs-agent')
  @ApiOperation({ summary: 'Record the arrival of a shipment that departed (ShipmentArrived)' })
  @ApiOkResponse({ type: CommandResponse })
  async recordArrival(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: RecordArrivalRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/shipment/arrival`);
    const result = await this.commandBus.execute<RecordArrivalCommand, CommandResult<ConsignmentState>>(
      new RecordArrivalCommand(consignmentId, { ...body }, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
