import type { RecordedEvent } from '@ree/shared-kernel';
import { streamsDrawnOn } from './consignment-streams';

const MINE_A = '6f1c2b7e-0000-4000-8000-0000000000b1';
const MINE_B = '6f1c2b7e-0000-4000-8000-0000000000b2';
const LICENCE = '6f1c2b7e-0000-4000-8000-0000000000a1';

const events = (...typed: Array<[string, unknown]>): RecordedEvent[] =>
  typed.map(([type, data], revision) => ({
    eventId: `e-${revision}`,
    type,
    schemaVersion: 1,
    streamId: 'consignment-c',
    revision,
    position: String(1000 + revision),
    recordedAt: '2025-03-01T09:00:00.000Z',
    data,
    metadata: { actor: { sub: 'x', role: 'exporter' }, correlationId: 'c', causationId: null, prevHash: '', hash: '' },
  }));

describe('the streams a consignment drew on', () => {
  it('are the mines of its sources and corrections and the licence it attached, each once, in the order first named', () => {
    const drawn = streamsDrawnOn(
      events(
        ['ConsignmentRegistered', { consignmentId: 'c' }],
        ['MiningSourceDeclared', { mineId: MINE_A }],
        ['LicenceAttached', { licenceId: LICENCE }],
        ['MiningSourceDeclared', { mineId: MINE_A }],
        ['MiningSourceCorrected', { mineId: MINE_B }],
        ['ShipmentDeclared', { licenceId: 'not-a-draw' }],
      ),
    );
    expect(drawn).toEqual([`mine-${MINE_A}`, `licence-${LICENCE}`, `mine-${MINE_B}`]);
  });

  it('skips an event whose data was rewritten into another shape, rather than failing', () => {
    expect(streamsDrawnOn(events(['MiningSourceDeclared', null], ['LicenceAttached', { licenceId: 7 }], ['MiningSourceDeclared', 'mine'], ['LicenceAttached', { licenceId: '' }]))).toEqual([]);
  });
});
