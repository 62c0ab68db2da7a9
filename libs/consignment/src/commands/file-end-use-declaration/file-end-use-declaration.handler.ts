import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { EndUseDeclarationFiling, FileEndUseDeclarationCommand } from './file-end-use-declaration.command';
import { fileEndUseDeclarationDecider } from './file-end-use-declaration.decide';

/**
 * Reads the attached licence's end user (a licence's parties never change once applied for),
 * then decides and appends on the consignment alone: nothing is reserved.
 */
@CommandHandler(FileEndUseDeclarationCommand)
export class FileEndUseDeclarationHandler implements ICommandHandler<FileEndUseDeclarationCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly licences: LicenceReservations,
  ) {}

  execute(command: FileEndUseDeclarationCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    const filing = async ({ licence }: ConsignmentState): Promise<EndUseDeclarationFiling> => ({
      ...command,
      licensedEndUser: licence ? (await this.licences.application(licence.licenceId)).endUser : null,
    });
    return handleCommand(this.store, streamId, fileEndUseDeclarationDecider, { from: filing }, consignmentOptions(command.context, streamId, command.operationId));
  }
}
