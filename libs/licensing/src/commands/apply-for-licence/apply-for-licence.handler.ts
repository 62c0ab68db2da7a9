import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import type { LicenceState } from '../../licence/licence.state';
import { licenceStreamId } from '../../licence/licence.stream';
import { commandOptions } from '../command-options';
import { LicenceScreening } from '../licence-screening';
import { ApplyForLicenceCommand } from './apply-for-licence.command';
import { applyForLicenceDecider } from './apply-for-licence.decide';

@CommandHandler(ApplyForLicenceCommand)
export class ApplyForLicenceHandler implements ICommandHandler<ApplyForLicenceCommand, CommandResult<LicenceState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly screening: LicenceScreening,
  ) {}

  async execute(command: ApplyForLicenceCommand): Promise<CommandResult<LicenceState>> {
    const streamId = licenceStreamId(command.application.licenceId);
    const screening = await this.screening.screenParties(command.application, command.context.now);
    return handleCommand(this.store, streamId, applyForLicenceDecider, { ...command, screening }, commandOptions(command.context, streamId));
  }
}
