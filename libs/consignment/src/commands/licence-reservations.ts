import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import {
  evolveLicence,
  initialLicenceState,
  LICENCE_SCHEMA_VERSIONS,
  LicenceAppliedData,
  LicenceEvent,
  LicenceState,
  licenceStreamId,
} from '@ree/licensing';
import { NotFound } from '@ree/shared-kernel';
import { StreamReservations } from './stream-reservations';

/**
 * Allocations and releases on the licences' streams (`StreamReservations`): every consignment
 * attached to a licence appends to it, so this process remembers each licence's folded state.
 */
@Injectable()
export class LicenceReservations extends StreamReservations<LicenceState, LicenceEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, {
      streamIdOf: licenceStreamId,
      evolve: evolveLicence,
      initialState: initialLicenceState,
      schemaVersions: LICENCE_SCHEMA_VERSIONS,
    });
  }

  /** A licence's application (its parties and scope); 404 for an unknown licence. */
  async application(licenceId: string): Promise<LicenceAppliedData> {
    const { state } = await this.current(licenceId);
    if (!state.application) throw new NotFound('Licence', licenceId);
    return state.application;
  }
}
