import { EventStore, fold } from '@ree/event-store';
import { evolveLicence, initialLicenceState, LicenceEvent, LicenceState, licenceStreamId } from '@ree/licensing';

/**
 * The licence a consignment is attached to, as its own stream tells it: the shipment rules
 * (`licence-not-active`, `licence-balance-exceeded`) are decided on the licence's state at the
 * time of the request, not on what the consignment recorded when it was attached.
 */
export async function readLicence(store: EventStore, licenceId: string): Promise<LicenceState> {
  const events = await store.readStream(licenceStreamId(licenceId));
  return fold({ evolve: evolveLicence, initialState: initialLicenceState }, events as unknown as LicenceEvent[]);
}
