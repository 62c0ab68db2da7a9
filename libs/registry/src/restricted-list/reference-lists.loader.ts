import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { type Actor, type CommandContext, eventIdsFrom } from '@ree/shared-kernel';
import { DefineRestrictedListCommand } from '../commands/define-restricted-list/define-restricted-list.command';
import { defineRestrictedListDecider } from '../commands/define-restricted-list/define-restricted-list.decide';
import { REFERENCE_LISTS } from './reference-lists';
import { restrictedListStream, restrictedListStreamId } from './restricted-list.stream';

/** The actor of the reference lists' definitions: the product itself, never a person. */
export const REFERENCE_DATA_ACTOR: Actor = { sub: 'registry.reference-lists', role: 'system' };

/** Concurrent starts (the API and the worker) collide on the same streams at most once each. */
const RETRIES = 5;

/**
 * Defines the reference lists (Control List, Watch List, Unreliable Entity List) at every start of the API and the
 * worker, through the same decider as an officer's definition: on a list already defined the decision is quiet, so a
 * second start, or a second process starting at the same time (a lost race is decided again), appends nothing. The
 * ids are deterministic (`reference-lists.ts`) and so are the event ids, derived from the list id.
 */
/** Answers how many events the appends answered (a process that lost a race is answered with the winner's). */
export async function loadReferenceLists(store: EventStore, now = new Date()): Promise<number> {
  let defined = 0;
  for (const list of REFERENCE_LISTS) {
    const streamId = restrictedListStreamId(list.listId);
    const context: CommandContext = { actor: REFERENCE_DATA_ACTOR, correlationId: `reference-lists/${list.listId}`, now };
    const result = await handleCommand(store, streamId, defineRestrictedListDecider, new DefineRestrictedListCommand(list, context), {
      stream: restrictedListStream,
      metadata: { actor: REFERENCE_DATA_ACTOR, correlationId: context.correlationId },
      eventId: eventIdsFrom(`reference-lists/${list.listId}`, streamId),
      retries: RETRIES,
    });
    defined += result.newEvents.length;
  }
  return defined;
}

@Injectable()
export class ReferenceListsLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceListsLoader.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const defined = await loadReferenceLists(this.store);
    if (defined > 0) this.logger.log(`Reference restricted lists defined (${defined} event(s))`);
  }
}

/** For the worker, which serves no registry routes but must find the reference lists there too. */
@Module({ providers: [ReferenceListsLoader] })
export class ReferenceListsModule {}
