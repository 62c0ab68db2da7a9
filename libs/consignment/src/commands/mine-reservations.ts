import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, ReservedStreams } from '@ree/event-store';
import { evolveMine, initialMineState, MineEvent, MineRegisteredData, MineState, mineStream } from '@ree/registry';
import { NotFound, type QuotaCategory } from '@ree/shared-kernel';
import { type MiningSourceInput, quotaCategoryFor } from '../consignment/quota-category';

/**
 * The mines' streams as this context reserves on them (`ReservedStreams`: quota draws with the
 * mine's expected revision): a mine's stream gains one event per draw all year, so this process
 * remembers each mine's folded state.
 */
@Injectable()
export class MineReservations extends ReservedStreams<MineState, MineEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { stream: mineStream, evolve: evolveMine, initialState: initialMineState });
  }

  /** A mine's registration (its deposit type settles a source's quota category); 404 for an unknown mine. */
  async registration(mineId: string): Promise<MineRegisteredData> {
    const { state } = await this.current(mineId);
    if (!state.registration) throw new NotFound('Mine', mineId);
    return state.registration;
  }

  /** A source with its quota category settled by its mine's deposit type when the exporter named none. */
  async withQuotaCategory<Source extends MiningSourceInput>(source: Source): Promise<Source & { readonly category: QuotaCategory }> {
    const { depositType } = await this.registration(source.mineId);
    return { ...source, category: quotaCategoryFor(depositType, source.category) };
  }
}
