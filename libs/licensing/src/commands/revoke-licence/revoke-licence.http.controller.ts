import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { LicenceState } from '../../licence/licence.state';
import { RevokeLicenceCommand } from './revoke-licence.command';
import { RevokeLicenceRequestDto } from './revoke-licence.request.dto';

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class RevokeLicenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':licenceId/revoke')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Revoke an issued or suspended licence (LicenceRevoked); after a suspension, by another officer' })
  @ApiOkResponse({ type: CommandResponse })
  async revokeLicence(
    @Param('licenceId', ParseIdPipe) licenceId: string,
    @Body() body: RevokeLicenceRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const result = await this.commandBus.execute<RevokeLicenceCommand, CommandResult<LicenceState>>(new RevokeLicenceCommand(licenceId, body.reason, ctx));
    return CommandResponse.of(licenceId, result);
  }
}
