import { aCommandContext, spec } from '@ree/testing';
import { OWNERSHIP_ENDED, OWNERSHIP_RECORDED, OwnershipEvent } from '../../ownership/ownership.events';
import { EndOwnershipCommand } from './end-ownership.command';
import { endOwnershipDecider } from './end-ownership.decide';

const FACT_ID = '0d5f6e7a-2b3c-4d5e-8f90-a1b2c3d4e5f6';
const recorded: OwnershipEvent = {
  type: OWNERSHIP_RECORDED,
  data: {
    factId: FACT_ID,
    owner: { name: 'Kestrel Holdings Ltd', country: 'GB' },
    owned: { name: 'Kestrel Magnet Trading GmbH', country: 'DE' },
    sharePercent: 60,
    source: 'register extract',
    asOf: '2026-10-01',
  },
};
const ended: OwnershipEvent = { type: OWNERSHIP_ENDED, data: { endedOn: '2026-11-15', reason: 'shares sold' } };
const end = (endedOn = '2026-11-15', reason = 'shares sold') => new EndOwnershipCommand(FACT_ID, endedOn, reason, aCommandContext());

describe('end an ownership fact', () => {
  it('ends a fact in force', () => {
    spec(endOwnershipDecider).given([recorded]).when(end()).then([ended]);
  });

  it('the same end sent again stays quiet', () => {
    spec(endOwnershipDecider).given([recorded, ended]).when(end()).thenNothing();
  });

  it('invalid-transition: a fact never recorded, or ended already with another reason', () => {
    spec(endOwnershipDecider).given([]).when(end()).thenRefused('invalid-transition');
    spec(endOwnershipDecider).given([recorded, ended]).when(end('2026-11-20', 'again')).thenRefused('invalid-transition');
  });

  it('ownership-ended-before-start: an end before the day the fact holds as of', () => {
    spec(endOwnershipDecider).given([recorded]).when(end('2026-09-30')).thenRefused('ownership-ended-before-start');
  });

  it('may end on the day it holds as of (recorded in error)', () => {
    spec(endOwnershipDecider).given([recorded]).when(end('2026-10-01')).then([{ type: OWNERSHIP_ENDED, data: { endedOn: '2026-10-01', reason: 'shares sold' } }]);
  });
});
