import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { derivedId, operationIdOf } from '../command-options';
import { ProcessingStepCommandResponse } from '../part-responses';
import { CorrectProcessingStepCommand } from './correct-processing-step.command';
import { CorrectProcessingStepRequestDto } from './correct-processing-step.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class CorrectProcessingStepHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/processing-steps/:stepId/corrections')
  @HttpCode(200)
  @Roles('exporter')
  @ApiOperation({ summary: 'Correct a processing step before the shipment is declared (ProcessingStepCorrected, pointing at the original)' })
  @ApiOkResponse({ type: ProcessingStepCommandResponse })
  async correctProcessingStep(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Param('stepId', ParseIdPipe) correctsId: string,
    @Body() body: CorrectProcessingStepRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<ProcessingStepCommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/processing-steps/${correctsId}/corrections`);
    const { facility, ...rest } = body;
    const correction = { stepId: derivedId(operationId, 'processing-step'), correctsId, facility: { ...facility }, ...rest };
    const result = await this.commandBus.execute<CorrectProcessingStepCommand, CommandResult<ConsignmentState>>(
      new CorrectProcessingStepCommand(consignmentId, correction, operationId, ctx),
    );
    return ProcessingStepCommandResponse.withStep(CommandResponse.of(consignmentId, result), correction.stepId);
  }
}
