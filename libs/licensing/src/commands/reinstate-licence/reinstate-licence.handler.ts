import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import type { LicenceState } from '../../licence/licence.state';
import { licenceStreamId } from '../../licence/licence.stream';
import { commandOptions } from '../command-options';
import { LicenceScreening } from '../licence-screening';
import { ReinstateLicenceCommand } from './reinstate-licence.command';
import { reinstateLicenceDecider } from './reinstate-licence.decide';

/** Screens the licence's parties again now, then decides on the fresh result. */
@CommandHandler(ReinstateLicenceCommand)
export class ReinstateLicenceHandler implements ICommandHandler<ReinstateLicenceCommand, CommandResult<LicenceState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly screening: LicenceScreening,
  ) {}

  async execute(command: ReinstateLicenceCommand): Promise<CommandResult<LicenceState>> {
    const streamId = licenceStreamId(command.licenceId);
    const screening = await this.screening.screenLicence(command.licenceId, command.context.now);
    return handleCommand(this.store, streamId, reinstateLicenceDecider, { ...command, screening }, commandOptions(command.context, streamId));
  }
}
