import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { OwnershipState } from '../../ownership/ownership.state';
import { newIdFor } from '../command-options';
import { RecordOwnershipCommand } from './record-ownership.command';
import { RecordOwnershipRequestDto } from './record-ownership.request.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('ownership')
export class RecordOwnershipHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Record who owns what share of whom (OwnershipRecorded)' })
  @ApiCreatedResponse({ type: CommandResponse, description: 'Location: the new resource' })
  async recordOwnership(@Body() body: RecordOwnershipRequestDto, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    const factId = newIdFor(ctx, 'ownership');
    const { owner, owned, sharePercent, source, asOf } = body;
    const result = await this.commandBus.execute<RecordOwnershipCommand, CommandResult<OwnershipState>>(
      new RecordOwnershipCommand(
        { factId, owner: { name: owner.name, country: owner.country }, owned: { name: owned.name, country: owned.country }, sharePercent, source, asOf },
        ctx,
      ),
    );
    return CommandResponse.of(factId, result);
  }
}
