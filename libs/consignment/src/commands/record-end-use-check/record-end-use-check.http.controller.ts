import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { operationIdOf } from '../command-options';
import { RecordEndUseCheckCommand } from './record-end-use-check.command';
import { RecordEndUseCheckRequestDto } from './record-end-use-check.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class RecordEndUseCheckHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/end-use-checks')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Record a post-shipment end-use check (EndUseCheckRecorded), after arrival' })
  @ApiOkResponse({ type: CommandResponse })
  async recordEndUseCheck(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: RecordEndUseCheckRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/end-use-checks`);
    const result = await this.commandBus.execute<RecordEndUseCheckCommand, CommandResult<ConsignmentState>>(
      new RecordEndUseCheckCommand(consignmentId, { ...body, notes: body.notes ?? '' }, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
