import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { LicenceState } from '../../licence/licence.state';
import { ApproveLicenceCommand } from './approve-licence.command';
import { ApproveLicenceRequestDto } from './approve-licence.request.dto';

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class ApproveLicenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':licenceId/approve')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Approve an application, the first signature (LicenceApproved), after a fresh screening' })
  @ApiOkResponse({ type: CommandResponse })
  async approveLicence(
    @Param('licenceId', ParseIdPipe) licenceId: string,
    @Body() body: ApproveLicenceRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const { validFrom, validUntil, conditions, issuedQuantityKg } = body;
    const terms = { validFrom, validUntil, conditions: [...conditions], ...(issuedQuantityKg ? { issuedQuantityKg: [...issuedQuantityKg] } : {}) };
    const result = await this.commandBus.execute<ApproveLicenceCommand, CommandResult<LicenceState>>(
      new ApproveLicenceCommand(licenceId, terms, ctx),
    );
    return CommandResponse.of(licenceId, result);
  }
}
