import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { readConsignment } from '../read-consignment';
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

  async execute(command: FileEndUseDeclarationCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    const { state } = await readConsignment(this.store, streamId);
    const licensedEndUser = state.licence ? (await this.licences.application(state.licence.licenceId)).endUser : null;
    const filing: EndUseDeclarationFiling = { ...command, licensedEndUser };
    return handleCommand(this.store, streamId, fileEndUseDeclarationDecider, filing, consignmentOptions(command.context, streamId, command.operationId));
  }
}
