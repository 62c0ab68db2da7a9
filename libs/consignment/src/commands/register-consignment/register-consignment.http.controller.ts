import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { derivedId, operationIdOf } from '../command-options';
import { RegisterConsignmentCommand } from './register-consignment.command';
import { RegisterConsignmentRequestDto } from './register-consignment.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class RegisterConsignmentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('exporter')
  @ApiOperation({ summary: 'Register a consignment of the exporter in the token (ConsignmentRegistered)' })
  @ApiCreatedResponse({ type: CommandResponse, description: 'Location: the new consignment' })
  async registerConsignment(@Body() body: RegisterConsignmentRequestDto, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, 'register-consignment');
    const consignmentId = derivedId(operationId, 'consignment');
    const consignment = {
      consignmentId,
      exporterOrg: ctx.actor.org ?? '',
      ...body,
      reoEquivalentKg: body.reoEquivalentKg ?? body.quantityKg,
    };
    const result = await this.commandBus.execute<RegisterConsignmentCommand, CommandResult<ConsignmentState>>(
      new RegisterConsignmentCommand(consignment, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
