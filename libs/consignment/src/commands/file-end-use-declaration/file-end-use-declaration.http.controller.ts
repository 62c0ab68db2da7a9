import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { derivedId, operationIdOf } from '../command-options';
import { FileEndUseDeclarationCommand } from './file-end-use-declaration.command';
import { FileEndUseDeclarationRequestDto } from './file-end-use-declaration.request.dto';

@ApiTags('consignments')
@ApiBearerAuth()
@Controller('consignments')
export class FileEndUseDeclarationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/end-use-declaration')
  @HttpCode(200)
  @Roles('exporter')
  @ApiOperation({ summary: "File the end user's declaration (EndUseDeclarationFiled); the end user must be the attached licence's" })
  @ApiOkResponse({ type: CommandResponse })
  async fileEndUseDeclaration(
    @Param('id', ParseIdPipe) consignmentId: string,
    @Body() body: FileEndUseDeclarationRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const operationId = operationIdOf(ctx, `consignment/${consignmentId}/end-use-declaration`);
    const declaration = {
      declarationId: derivedId(operationId, 'end-use-declaration'),
      endUser: { ...body.endUser },
      endUse: body.endUse,
      endUseCategory: body.endUseCategory,
      commitments: { ...body.commitments },
      signatory: { ...body.signatory },
      signedOn: body.signedOn,
      documentSha256: body.documentSha256.toLowerCase(),
    };
    const result = await this.commandBus.execute<FileEndUseDeclarationCommand, CommandResult<ConsignmentState>>(
      new FileEndUseDeclarationCommand(consignmentId, declaration, operationId, ctx),
    );
    return CommandResponse.of(consignmentId, result);
  }
}
