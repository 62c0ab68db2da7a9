import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { LicenceState } from '../../licence/licence.state';
import { IssueLicenceCommand } from './issue-licence.command';

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class IssueLicenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':licenceId/issue')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Countersign an approved licence, which issues it (LicenceIssued); another officer than the approver' })
  @ApiOkResponse({ type: CommandResponse })
  async issueLicence(@Param('licenceId', ParseIdPipe) licenceId: string, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    const result = await this.commandBus.execute<IssueLicenceCommand, CommandResult<LicenceState>>(new IssueLicenceCommand(licenceId, ctx));
    return CommandResponse.of(licenceId, result);
  }
}
