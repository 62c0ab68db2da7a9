import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { RestrictedPartyState } from '../../restricted-party/restricted-party.state';
import { DelistRestrictedPartyCommand } from './delist-restricted-party.command';
import { DelistRestrictedPartyRequestDto } from './delist-restricted-party.request.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('restricted-parties')
export class DelistRestrictedPartyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':partyId/delist')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Take a party off the restricted list (RestrictedPartyDelisted)' })
  @ApiOkResponse({ type: CommandResponse })
  async delistRestrictedParty(
    @Param('partyId', ParseIdPipe) partyId: string,
    @Body() body: DelistRestrictedPartyRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const result = await this.commandBus.execute<DelistRestrictedPartyCommand, CommandResult<RestrictedPartyState>>(
      new DelistRestrictedPartyCommand(partyId, body.reason, ctx),
    );
    return CommandResponse.of(partyId, result);
  }
}
