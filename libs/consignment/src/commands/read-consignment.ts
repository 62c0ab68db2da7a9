import type { EventStore } from '@ree/event-store';
import { fold } from '@ree/shared-kernel';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../consignment/consignment.state';
import { consignmentStream } from '../consignment/consignment.stream';

/** The consignment as its stream tells it now, for work that decides on another stream (the jobs). */
export async function readConsignment(store: EventStore, consignmentId: string): Promise<ConsignmentState> {
  const events = consignmentStream.domainEvents(await store.readStream(consignmentStream.streamId(consignmentId)));
  return fold({ evolve: evolveConsignment, initialState: initialConsignmentState }, events);
}
