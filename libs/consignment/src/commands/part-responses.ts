import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse } from '@ree/platform/http';

/**
 * The command answer (docs/http-conventions.md, "Commands") plus the server-made id of the part the command created, which a
 * client needs to correct it later (no read model serves it before the review document exists).
 */
export class MiningSourceCommandResponse extends CommandResponse {
  @ApiProperty({ format: 'uuid', description: 'The declaration in force after the command: name it to correct it' })
  declarationId: string;

  static withDeclaration(response: CommandResponse, declarationId: string): MiningSourceCommandResponse {
    return Object.assign(new MiningSourceCommandResponse(), response, { declarationId });
  }
}

export class ProcessingStepCommandResponse extends CommandResponse {
  @ApiProperty({ format: 'uuid', description: 'The step in force after the command: name it to correct it' })
  stepId: string;

  static withStep(response: CommandResponse, stepId: string): ProcessingStepCommandResponse {
    return Object.assign(new ProcessingStepCommandResponse(), response, { stepId });
  }
}
