import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { RestrictedListState } from '../../restricted-list/restricted-list.state';
import { restrictedListStream, restrictedListStreamId } from '../../restricted-list/restricted-list.stream';
import { commandOptions } from '../command-options';
import { DefineRestrictedListCommand } from './define-restricted-list.command';
import { defineRestrictedListDecider } from './define-restricted-list.decide';

@CommandHandler(DefineRestrictedListCommand)
export class DefineRestrictedListHandler implements ICommandHandler<DefineRestrictedListCommand, CommandResult<RestrictedListState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: DefineRestrictedListCommand): Promise<CommandResult<RestrictedListState>> {
    const streamId = restrictedListStreamId(command.list.listId);
    return handleCommand(this.store, streamId, defineRestrictedListDecider, command, commandOptions(command.context, streamId, restrictedListStream));
  }
}
