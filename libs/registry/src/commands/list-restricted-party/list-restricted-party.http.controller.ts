import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { RestrictedPartyState } from '../../restricted-party/restricted-party.state';
import { UNRELIABLE_ENTITY_LIST_ID } from '../../restricted-list/reference-lists';
import { newIdFor } from '../command-options';
import { ListRestrictedPartyCommand } from './list-restricted-party.command';
import { ListRestrictedPartyRequestDto } from './list-restricted-party.request.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('restricted-parties')
export class ListRestrictedPartyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Put a party on a restricted list (RestrictedPartyListed)' })
  @ApiCreatedResponse({ type: CommandResponse, description: 'Location: the new resource' })
  async listRestrictedParty(
    @Body() body: ListRestrictedPartyRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const partyId = newIdFor(ctx, 'restricted-party');
    const { name, aliases = [], country, reason, listReference, listId = UNRELIABLE_ENTITY_LIST_ID } = body;
    const result = await this.commandBus.execute<ListRestrictedPartyCommand, CommandResult<RestrictedPartyState>>(
      new ListRestrictedPartyCommand({ partyId, name, aliases, country, reason, listReference, listId }, ctx),
    );
    return CommandResponse.of(partyId, result);
  }
}
