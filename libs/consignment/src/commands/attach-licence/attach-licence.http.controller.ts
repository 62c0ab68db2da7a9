import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { AttachLicenceCommand } from './attach-licence.command';
import { AttachLicenceRequestDto } from './attach-licence.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class AttachLicenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/licence')
  @HttpCode(200)
  @Roles('exporter')
  @ApiOperation({
    summary: "Attach an issued licence (LicenceAttached); allocates kg (default: the consignment's quantity) on it. position covers the allocation",
  })
  @ApiOkResponse({ type: CommandResponse })
  async attachLicence(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: AttachLicenceRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/licence`);
    const result = await this.commandBus.execute<AttachLicenceCommand, CommandResult<ConsignmentState>>(
      new AttachLicenceCommand(consignmentId, body.licenceId, body.kg, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
