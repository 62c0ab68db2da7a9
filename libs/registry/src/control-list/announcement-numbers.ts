import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, ReservedStreams } from '@ree/event-store';
import {
  announcementNumberId,
  type AnnouncementNumberEvent,
  type AnnouncementNumberState,
  announcementNumberStream,
  evolveAnnouncementNumber,
  initialAnnouncementNumberState,
} from './announcement-number';

/** The announcement numbers' streams, as the adoption reserves on them and the proposal reads them (`announcement-number-taken`). */
@Injectable()
export class AnnouncementNumbers extends ReservedStreams<AnnouncementNumberState, AnnouncementNumberEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { stream: announcementNumberStream, evolve: evolveAnnouncementNumber, initialState: initialAnnouncementNumberState });
  }

  /** The announcement whose adoption holds `number`, read from the number's own stream (no read model, no lag). */
  async takenBy(number: string): Promise<string | null> {
    return (await this.current(announcementNumberId(number))).state.takenBy;
  }
}
