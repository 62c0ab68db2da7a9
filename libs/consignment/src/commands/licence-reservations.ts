import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, ReservedStreams } from '@ree/event-store';
import { evolveLicence, initialLicenceState, LicenceAppliedData, LicenceEvent, LicenceState, licenceStream } from '@ree/licensing';
import { NotFound } from '@ree/shared-kernel';

/**
 * The licences' streams as this context reserves on them (`ReservedStreams`: allocations at
 * attach, the shipment at release): every consignment attached to a licence appends to it, so
 * this process remembers each licence's folded state.
 */
@Injectable()
export class LicenceReservations extends ReservedStreams<LicenceState, LicenceEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { stream: licenceStream, evolve: evolveLicence, initialState: initialLicenceState });
  }

  /** A licence's application (its parties and scope); 404 for an unknown licence. */
  async application(licenceId: string): Promise<LicenceAppliedData> {
    const { state } = await this.current(licenceId);
    if (!state.application) throw new NotFound('Licence', licenceId);
    return state.application;
  }
}
