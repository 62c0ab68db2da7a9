import { aCommandContext, spec } from '@ree/testing';
import { OWNERSHIP_ENDED, OWNERSHIP_RECORDED, OwnershipEvent, OwnershipRecordedData } from '../../ownership/ownership.events';
import { RecordOwnershipCommand } from './record-ownership.command';
import { recordOwnershipDecider } from './record-ownership.decide';

const fact: OwnershipRecordedData = {
  factId: '0d5f6e7a-2b3c-4d5e-8f90-a1b2c3d4e5f6',
  owner: { name: 'Kestrel Holdings Ltd', country: 'GB' },
  owned: { name: 'Kestrel Magnet Trading GmbH', country: 'DE' },
  sharePercent: 60,
  source: 'Handelsregister HRB 12345, extract of 2026-10-01',
  asOf: '2026-10-01',
};
const recorded: OwnershipEvent = { type: OWNERSHIP_RECORDED, data: fact };
const record = (data: OwnershipRecordedData) => new RecordOwnershipCommand(data, aCommandContext());

describe('record an ownership fact', () => {
  it('records who owns what share of whom, with its source and day', () => {
    spec(recordOwnershipDecider).given([]).when(record(fact)).then([recorded]);
  });

  it('the same fact sent again stays quiet', () => {
    spec(recordOwnershipDecider).given([recorded]).when(record(fact)).thenNothing();
  });

  it('invalid-transition: another fact on an existing fact id, or on an ended one', () => {
    spec(recordOwnershipDecider).given([recorded]).when(record({ ...fact, sharePercent: 40 })).thenRefused('invalid-transition');
    spec(recordOwnershipDecider)
      .given([recorded, { type: OWNERSHIP_ENDED, data: { endedOn: '2026-11-01', reason: 'sold' } }])
      .when(record(fact))
      .thenRefused('invalid-transition');
  });

  it('ownership-of-itself: the same company as owner and owned (spelling and legal form aside)', () => {
    spec(recordOwnershipDecider)
      .given([])
      .when(record({ ...fact, owner: { name: 'KESTREL MAGNET TRADING', country: 'DE' } }))
      .thenRefused('ownership-of-itself');
  });

  it('the same name in another country is another company', () => {
    const owner = { name: 'Kestrel Magnet Trading Ltd', country: 'GB' };
    spec(recordOwnershipDecider).given([]).when(record({ ...fact, owner })).then([{ type: OWNERSHIP_RECORDED, data: { ...fact, owner } }]);
  });
});
