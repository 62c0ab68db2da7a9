import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import type { LicenceState } from '../../licence/licence.state';
import { licenceStreamId } from '../../licence/licence.stream';
import { commandOptions } from '../command-options';
import { LicenceScreening } from '../licence-screening';
import { ApproveLicenceCommand } from './approve-licence.command';
import { approveLicenceDecider } from './approve-licence.decide';

/** Screens the licence's parties again now, then decides on the fresh result. */
@CommandHandler(ApproveLicenceCommand)
export class ApproveLicenceHandler implements ICommandHandler<ApproveLicenceCommand, CommandResult<LicenceState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly screening: LicenceScreening,
  ) {}

  async execute(command: ApproveLicenceCommand): Promise<CommandResult<LicenceState>> {
    const streamId = licenceStreamId(command.licenceId);
    const screening = await this.screening.screenLicence(command.licenceId, command.context.now);
    return handleCommand(this.store, streamId, approveLicenceDecider, { ...command, screening }, commandOptions(command.context, streamId));
  }
}
