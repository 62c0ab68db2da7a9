import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { DeclareShipmentCommand } from './declare-shipment.command';
import { DeclareShipmentRequestDto } from './declare-shipment.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class DeclareShipmentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/shipment')
  @HttpCode(200)
  @Roles('customs-agent')
  @ApiOperation({ summary: 'Declare the shipment for export (ConsignmentClassified, ShipmentDeclared): sources, end-use declaration, and an active licence holding enough when the control list or a catch-all ground requires one (422 licence-required); a declaration under a licence is endorsed on it by its kind (LicenceDeclarationEndorsed)' })
  @ApiOkResponse({ type: CommandResponse })
  async declareShipment(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: DeclareShipmentRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/shipment`);
    const result = await this.commandBus.execute<DeclareShipmentCommand, CommandResult<ConsignmentState>>(
      new DeclareShipmentCommand(consignmentId, { ...body }, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
