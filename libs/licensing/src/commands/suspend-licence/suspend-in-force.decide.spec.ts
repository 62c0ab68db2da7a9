import { aCommandContext, spec } from '@ree/testing';
import { LICENCE_EXPIRED, LICENCE_REINSTATED, LICENCE_REVOKED, LICENCE_SUSPENDED, LicenceEvent } from '../../licence/licence.events';
import { applied, approved, issued, LICENCE_ID, suspendedBy } from '../../testing/licence-events';
import { suspendInForceDecider } from './suspend-in-force.decide';
import { SuspendLicenceCommand } from './suspend-licence.command';

const JOB = 'review.end-use-violation';
const suspend = (now = '2025-09-01T10:00:00Z') =>
  new SuspendLicenceCommand(LICENCE_ID, 'End-use violation', aCommandContext({ actor: { sub: JOB, role: 'system' }, now: new Date(now) }));
const suspendedByJob: LicenceEvent[] = [{ type: LICENCE_SUSPENDED, data: { reason: 'End-use violation', suspendedBy: JOB } }];
const reinstated: LicenceEvent = { type: LICENCE_REINSTATED, data: { reason: 'investigation closed' } };
const revoked: LicenceEvent = { type: LICENCE_REVOKED, data: { reason: 'false declaration' } };
const expired: LicenceEvent = { type: LICENCE_EXPIRED, data: {} };

describe('the system suspends a licence in force', () => {
  it('suspends an issued licence inside its validity, recording the job as the one who suspended it', () => {
    spec(suspendInForceDecider).given(issued).when(suspend()).then(suspendedByJob);
  });

  it('suspends one reinstated since an earlier suspension', () => {
    spec(suspendInForceDecider).given([...suspendedBy('officer-zhao'), reinstated]).when(suspend()).then(suspendedByJob);
  });

  it('suspends on the last valid day, and not the day after (its expiry is due)', () => {
    spec(suspendInForceDecider).given(issued).when(suspend('2026-02-28T23:59:59Z')).then(suspendedByJob);
    spec(suspendInForceDecider).given(issued).when(suspend('2026-03-01T00:00:00Z')).thenNothing();
  });

  it('suspends before the validity has begun: in force is issued and not over', () => {
    spec(suspendInForceDecider).given(issued).when(suspend('2025-01-15T00:00:00Z')).then(suspendedByJob);
  });

  it('leaves the old decisions alone: a licence already suspended, revoked or expired decides nothing', () => {
    spec(suspendInForceDecider).given(suspendedBy('officer-zhao')).when(suspend()).thenNothing();
    spec(suspendInForceDecider).given([...issued, revoked]).when(suspend()).thenNothing();
    spec(suspendInForceDecider).given([...issued, expired]).when(suspend()).thenNothing();
  });

  it('leaves a licence never issued, and an unknown one, alone', () => {
    spec(suspendInForceDecider).given(approved).when(suspend()).thenNothing();
    spec(suspendInForceDecider).given(applied).when(suspend()).thenNothing();
    spec(suspendInForceDecider).given([]).when(suspend()).thenNothing();
  });
});
