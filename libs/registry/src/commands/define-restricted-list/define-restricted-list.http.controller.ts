import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { RestrictedListState } from '../../restricted-list/restricted-list.state';
import { newIdFor } from '../command-options';
import { DefineRestrictedListCommand } from './define-restricted-list.command';
import { DefineRestrictedListRequestDto } from './define-restricted-list.request.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('restricted-lists')
export class DefineRestrictedListHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Define a restricted list with its consequence (RestrictedListDefined)' })
  @ApiCreatedResponse({ type: CommandResponse, description: 'Location: the new resource' })
  async defineRestrictedList(@Body() body: DefineRestrictedListRequestDto, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    const listId = newIdFor(ctx, 'restricted-list');
    const { name, description, consequence } = body;
    const result = await this.commandBus.execute<DefineRestrictedListCommand, CommandResult<RestrictedListState>>(
      new DefineRestrictedListCommand({ listId, name, description, consequence }, ctx),
    );
    return CommandResponse.of(listId, result);
  }
}
