import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { LicenceState } from '../../licence/licence.state';
import { ReinstateLicenceCommand } from './reinstate-licence.command';
import { ReinstateLicenceRequestDto } from './reinstate-licence.request.dto';

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class ReinstateLicenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':licenceId/reinstate')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Lift a suspension (LicenceReinstated) after a fresh screening' })
  @ApiOkResponse({ type: CommandResponse })
  async reinstateLicence(
    @Param('licenceId', ParseIdPipe) licenceId: string,
    @Body() body: ReinstateLicenceRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const result = await this.commandBus.execute<ReinstateLicenceCommand, CommandResult<LicenceState>>(new ReinstateLicenceCommand(licenceId, body.reason, ctx));
    return CommandResponse.of(licenceId, result);
  }
}
