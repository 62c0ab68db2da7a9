import { spec } from '@ree/testing';
import { LICENCE_EXPIRED, LICENCE_REVOKED } from '../../licence/licence.events';
import { applied, approved, issued, LICENCE_ID, suspendedBy } from '../../testing/licence-events';
import { expireLicenceDecider } from './expire-licence.decide';

const expireOn = (instant: string) => ({ licenceId: LICENCE_ID, now: new Date(instant) });
const expired = { type: LICENCE_EXPIRED, data: {} } as const;

describe('expire a licence', () => {
  it('expires an issued licence the day after its last valid day', () => {
    spec(expireLicenceDecider).given(issued).when(expireOn('2026-03-01T00:00:00Z')).then([expired]);
  });

  it('a suspended licence, or one still awaiting its countersignature, expires too', () => {
    spec(expireLicenceDecider).given(suspendedBy('officer-zhao')).when(expireOn('2026-03-01T00:00:00Z')).then([expired]);
    spec(expireLicenceDecider).given(approved).when(expireOn('2026-03-01T00:00:00Z')).then([expired]);
  });

  it('invalid-transition: the last valid day is still valid', () => {
    spec(expireLicenceDecider).given(issued).when(expireOn('2026-02-28T23:59:59Z')).thenRefused('invalid-transition');
  });

  it('invalid-transition: an application or a revoked licence does not expire', () => {
    spec(expireLicenceDecider).given(applied).when(expireOn('2027-01-01T00:00:00Z')).thenRefused('invalid-transition');
    spec(expireLicenceDecider)
      .given([...issued, { type: LICENCE_REVOKED, data: { reason: 'r' } }])
      .when(expireOn('2027-01-01T00:00:00Z'))
      .thenRefused('invalid-transition');
  });

  it('expiring an expired licence again stays quiet', () => {
    spec(expireLicenceDecider).given([...issued, expired]).when(expireOn('2027-01-01T00:00:00Z')).thenNothing();
  });
});
