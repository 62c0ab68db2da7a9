import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { derivedId, operationIdOf } from '../command-options';
import { MiningSourceCommandResponse } from '../part-responses';
import { DeclareMiningSourceCommand } from './declare-mining-source.command';
import { DeclareMiningSourceRequestDto } from './declare-mining-source.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class DeclareMiningSourceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/mining-sources')
  @HttpCode(200)
  @Roles('exporter')
  @ApiOperation({ summary: "Declare a mining source (MiningSourceDeclared); draws the mine's quota for the year and category" })
  @ApiOkResponse({ type: MiningSourceCommandResponse })
  async declareMiningSource(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: DeclareMiningSourceRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<MiningSourceCommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/mining-sources`);
    const source = {
      declarationId: derivedId(operationId, 'mining-source'),
      ...body,
      quotaYear: body.quotaYear ?? Number(body.extractedOn.slice(0, 4)),
    };
    const result = await this.commandBus.execute<DeclareMiningSourceCommand, CommandResult<ConsignmentState>>(
      new DeclareMiningSourceCommand(consignmentId, source, operationId, ctx),
    );
    return MiningSourceCommandResponse.withDeclaration(CommandResponse.of(consignmentId, result), source.declarationId);
  }
}
