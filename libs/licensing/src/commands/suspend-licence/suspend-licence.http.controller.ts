import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { LicenceState } from '../../licence/licence.state';
import { SuspendLicenceCommand } from './suspend-licence.command';
import { SuspendLicenceRequestDto } from './suspend-licence.request.dto';

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class SuspendLicenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':licenceId/suspend')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Suspend an issued licence (LicenceSuspended)' })
  @ApiOkResponse({ type: CommandResponse })
  async suspendLicence(
    @Param('licenceId', ParseIdPipe) licenceId: string,
    @Body() body: SuspendLicenceRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const result = await this.commandBus.execute<SuspendLicenceCommand, CommandResult<LicenceState>>(new SuspendLicenceCommand(licenceId, body.reason, ctx));
    return CommandResponse.of(licenceId, result);
  }
}
