import { spec } from '@ree/testing';
import { applied, approved, issued, LICENCE_ID, suspendedBy } from '../testing/licence-events';
import { LICENCE_EXHAUSTED, LICENCE_EXPIRED, LICENCE_REJECTED, LICENCE_REVOKED, LicenceEvent } from '../licence/licence.events';
import { expireWhenDueDecider } from './expire-when-due.decide';

const at = (instant: string) => ({ licenceId: LICENCE_ID, now: new Date(instant) });
const expired: LicenceEvent = { type: LICENCE_EXPIRED, data: {} };
const AFTER = '2026-03-01T00:00:00Z';

describe('the expiry job’s decision', () => {
  it('expires an issued, suspended or approved licence once the day after validUntil has begun', () => {
    for (const history of [issued, suspendedBy('officer-zhao'), approved]) {
      spec(expireWhenDueDecider).given(history).when(at(AFTER)).then([expired]);
    }
  });

  it('leaves a licence alone on its last valid day, to its last second (a job run early)', () => {
    spec(expireWhenDueDecider).given(issued).when(at('2026-02-28T23:59:59.999Z')).thenNothing();
  });

  it('leaves a revoked, rejected, exhausted or already expired licence alone', () => {
    const ended: LicenceEvent[][] = [
      [...issued, { type: LICENCE_REVOKED, data: { reason: 'diversion suspected' } }],
      [...approved, { type: LICENCE_REJECTED, data: { reason: 'end user unverified' } }],
      [...issued, { type: LICENCE_EXHAUSTED, data: {} }],
      [...issued, expired],
    ];
    for (const history of ended) spec(expireWhenDueDecider).given(history).when(at(AFTER)).thenNothing();
  });

  it('leaves an unknown licence and a mere application alone', () => {
    spec(expireWhenDueDecider).given([]).when(at(AFTER)).thenNothing();
    spec(expireWhenDueDecider).given(applied).when(at(AFTER)).thenNothing();
  });
});
