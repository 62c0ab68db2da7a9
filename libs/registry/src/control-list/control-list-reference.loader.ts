import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore, WrongExpectedRevisionError } from '@ree/event-store';
import { nameBasedUuid, type NewEvent } from '@ree/shared-kernel';
import {
  CONTROL_ANNOUNCEMENT_ADOPTED,
  CONTROL_ANNOUNCEMENT_PROPOSED,
  CONTROL_ANNOUNCEMENT_SCHEMA_VERSIONS,
  type ControlAnnouncementEvent,
} from './control-announcement.events';
import {
  ANNOUNCEMENT_NUMBER_SCHEMA_VERSIONS,
  ANNOUNCEMENT_NUMBER_TAKEN,
  announcementNumberId,
  type AnnouncementNumberEvent,
  announcementNumberStream,
} from './announcement-number';
import { controlAnnouncementStreamId } from './control-announcement.stream';
import { REFERENCE_ANNOUNCEMENTS, REFERENCE_DATA_ACTOR, type ReferenceAnnouncement } from './reference-announcements';

/** The announcement id of a reference announcement: derived from its number, the same in every process and every start. */
export const referenceAnnouncementId = (number: string): string => nameBasedUuid(`registry/control-announcement/reference/${number}`);

/** The two events that take a reference announcement in: proposed and adopted by the system, as published. */
export function referenceEvents({ announcement, note, citation }: ReferenceAnnouncement): Array<NewEvent & ControlAnnouncementEvent> {
  const announcementId = referenceAnnouncementId(announcement.number);
  const streamId = controlAnnouncementStreamId(announcementId);
  const metadata = { actor: REFERENCE_DATA_ACTOR, correlationId: nameBasedUuid(`${streamId}/reference-data`) };
  const events: ControlAnnouncementEvent[] = [
    { type: CONTROL_ANNOUNCEMENT_PROPOSED, data: { announcementId, ...announcement, proposedBy: REFERENCE_DATA_ACTOR.sub, note, citation } },
    { type: CONTROL_ANNOUNCEMENT_ADOPTED, data: { adoptedBy: REFERENCE_DATA_ACTOR.sub } },
  ];
  return events.map((event, index) => ({
    ...event,
    eventId: nameBasedUuid(`${streamId}/reference-data/${index}`),
    schemaVersion: CONTROL_ANNOUNCEMENT_SCHEMA_VERSIONS[event.type],
    metadata,
  })) as Array<NewEvent & ControlAnnouncementEvent>;
}

/**
 * A reference announcement's number, taken by its adoption on the number's stream (`announcement-number-taken` for
 * an officer's later proposal of the same number), with an event id derived from the number.
 */
export function referenceNumberTaken(number: string): NewEvent & AnnouncementNumberEvent {
  const streamId = announcementNumberStream.streamId(announcementNumberId(number));
  return {
    type: ANNOUNCEMENT_NUMBER_TAKEN,
    data: { number, announcementId: referenceAnnouncementId(number) },
    eventId: nameBasedUuid(`${streamId}/reference-data/0`),
    schemaVersion: ANNOUNCEMENT_NUMBER_SCHEMA_VERSIONS[ANNOUNCEMENT_NUMBER_TAKEN],
    metadata: { actor: REFERENCE_DATA_ACTOR, correlationId: nameBasedUuid(`${streamId}/reference-data`) },
  } as NewEvent & AnnouncementNumberEvent;
}

/**
 * Takes the published announcements in on every start of the API and the worker (docs/decisions.md
 * 44): each on its own stream, whose id and event ids derive from the announcement's number,
 * appended only if the stream does not exist yet, and its number taken on the number's stream the
 * same way. An announcement already present is left alone
 * (whatever officers did with it since); two processes starting at once append the same events,
 * and the store keeps one (same ids, same expected revision) or refuses the second as a wrong
 * expected revision, which is taken as "already present".
 */
@Injectable()
export class ControlListReferenceData implements OnApplicationBootstrap {
  private readonly logger = new Logger(ControlListReferenceData.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const taken = await this.load();
    if (taken.length > 0) this.logger.log(`Control list reference data taken in: ${taken.join('; ')}`);
  }

  /** The numbers of the announcements this call found missing and appended (two processes at once may both count one). */
  async load(): Promise<string[]> {
    const taken: string[] = [];
    for (const reference of REFERENCE_ANNOUNCEMENTS) {
      const { number } = reference.announcement;
      if (await this.appendIfMissing(controlAnnouncementStreamId(referenceAnnouncementId(number)), referenceEvents(reference))) taken.push(number);
      await this.appendIfMissing(announcementNumberStream.streamId(announcementNumberId(number)), [referenceNumberTaken(number)]);
    }
    return taken;
  }

  /** Appends `events` as the stream's first; false when the stream exists (or another process created it first). */
  private async appendIfMissing(streamId: string, events: NewEvent[]): Promise<boolean> {
    if ((await this.store.readStream(streamId, { maxCount: 1 })).length > 0) return false;
    try {
      await this.store.appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      return true;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return false;
    }
  }
}

/** Loads the control list's reference data on start; imported by the registry's HTTP module and by the worker. */
@Module({ providers: [ControlListReferenceData], exports: [ControlListReferenceData] })
export class ControlListReferenceDataModule {}
