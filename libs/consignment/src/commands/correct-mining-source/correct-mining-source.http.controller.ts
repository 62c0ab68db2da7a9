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
import { CorrectMiningSourceCommand } from './correct-mining-source.command';
import { CorrectMiningSourceRequestDto } from './correct-mining-source.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class CorrectMiningSourceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/mining-sources/:declarationId/corrections')
  @HttpCode(200)
  @Roles('exporter')
  @ApiOperation({
    summary: 'Correct a mining source before the shipment is declared (MiningSourceCorrected); returns the old quota draw and draws the new',
  })
  @ApiOkResponse({ type: MiningSourceCommandResponse })
  async correctMiningSource(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Param('declarationId', ParseIdPipe) correctsId: string,
    @Body() body: CorrectMiningSourceRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<MiningSourceCommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/mining-sources/${correctsId}/corrections`);
    const correction = {
      declarationId: derivedId(operationId, 'mining-source'),
      correctsId,
      ...body,
      quotaYear: body.quotaYear ?? Number(body.extractedOn.slice(0, 4)),
    };
    const result = await this.commandBus.execute<CorrectMiningSourceCommand, CommandResult<ConsignmentState>>(
      new CorrectMiningSourceCommand(consignmentId, correction, operationId, ctx),
    );
    return MiningSourceCommandResponse.withDeclaration(CommandResponse.of(consignmentId, result), correction.declarationId);
  }
}
