import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { MineState } from '../../mine/mine.state';
import { newIdFor } from '../command-options';
import { RegisterMineCommand } from './register-mine.command';
import { RegisterMineRequestDto } from './register-mine.request.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('mines')
export class RegisterMineHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Register a mine (MineRegistered)' })
  @ApiCreatedResponse({ type: CommandResponse, description: 'Location: the new resource' })
  async registerMine(
    @Body() body: RegisterMineRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const mineId = newIdFor(ctx, 'mine');
    const result = await this.commandBus.execute<RegisterMineCommand, CommandResult<MineState>>(
      new RegisterMineCommand({ mineId, ...body }, ctx),
    );
    return CommandResponse.of(mineId, result);
  }
}
