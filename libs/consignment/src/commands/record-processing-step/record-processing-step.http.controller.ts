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
import { RecordProcessingStepCommand } from './record-processing-step.command';
import { RecordProcessingStepRequestDto } from './record-processing-step.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class RecordProcessingStepHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/processing-steps')
  @HttpCode(200)
  @Roles('exporter')
  @ApiOperation({ summary: 'Record a processing step (ProcessingStepRecorded); output REO at most input × 1.005' })
  @ApiOkResponse({ type: ProcessingStepCommandResponse })
  async recordProcessingStep(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: RecordProcessingStepRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<ProcessingStepCommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/processing-steps`);
    const { facility, ...step } = body;
    const data = { stepId: derivedId(operationId, 'processing-step'), facility: { ...facility }, ...step };
    const result = await this.commandBus.execute<RecordProcessingStepCommand, CommandResult<ConsignmentState>>(
      new RecordProcessingStepCommand(consignmentId, data, operationId, ctx),
    );
    return ProcessingStepCommandResponse.withStep(CommandResponse.of(consignmentId, result), data.stepId);
  }
}
