import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { LicenceState } from '../../licence/licence.state';
import { RejectLicenceCommand } from './reject-licence.command';
import { RejectLicenceRequestDto } from './reject-licence.request.dto';

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class RejectLicenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':licenceId/reject')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Reject an application before it is issued (LicenceRejected)' })
  @ApiOkResponse({ type: CommandResponse })
  async rejectLicence(
    @Param('licenceId', ParseIdPipe) licenceId: string,
    @Body() body: RejectLicenceRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const result = await this.commandBus.execute<RejectLicenceCommand, CommandResult<LicenceState>>(new RejectLicenceCommand(licenceId, body.reason, ctx));
    return CommandResponse.of(licenceId, result);
  }
}
