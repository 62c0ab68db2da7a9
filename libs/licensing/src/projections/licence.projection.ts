import { FoldingProjection, streamRows, type StreamBatch } from '@ree/event-store';
import { LICENCE_EVENT_TYPES } from '../licence/licence.events';
import { licenceStream } from '../licence/licence.stream';
import { evolveLicenceRow, initialLicenceRow, type LicenceRow } from './licence-row';
import { licenceTables } from './licence-tables';

export const LICENCE_PROJECTION = 'licensing.licences';

/**
 * Licences with their items and allocations, in the one shape of projections: a batch loads the
 * licences its events name, folds them with the decider's `evolveLicence` (`evolveLicenceRow`)
 * and upserts their rows. Each licence row keeps the revision of the last event folded: an event
 * at or below it was folded before, so a replayed batch leaves the same rows.
 */
export class LicenceProjection extends FoldingProjection<StreamBatch<LicenceRow>> {
  constructor() {
    super(
      streamRows({
        stream: licenceStream,
        initial: initialLicenceRow,
        applied: (row, event) => event.revision <= row.revision,
        evolve: evolveLicenceRow,
        ...licenceTables,
      }),
      { name: LICENCE_PROJECTION, eventTypes: LICENCE_EVENT_TYPES },
    );
  }
}
