import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { derivedId, operationIdOf } from '../command-options';
import { NotifyLicenceRequirementCommand } from './notify-licence-requirement.command';
import { NotifyLicenceRequirementRequestDto } from './notify-licence-requirement.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class NotifyLicenceRequirementHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/licence-notices')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({
    summary:
      'Notify the exporter that the consignment needs a licence (LicenceRequirementNotified): a catch-all ground at the shipment declaration, until it is declared',
  })
  @ApiOkResponse({ type: CommandResponse })
  async notifyLicenceRequirement(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: NotifyLicenceRequirementRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/licence-notices`);
    const result = await this.commandBus.execute<NotifyLicenceRequirementCommand, CommandResult<ConsignmentState>>(
      new NotifyLicenceRequirementCommand(consignmentId, derivedId(operationId, 'licence-notice'), body.reason, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
