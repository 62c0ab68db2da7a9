import { SuspendLicenceCommand } from '@ree/licensing';
import { spec } from '@ree/testing';
import {
  jobContext,
  LICENCE_ID,
  licenceApplied,
  licenceApproved,
  licenceExpired,
  licenceIssued,
  licenceReinstated,
  licenceRevoked,
  licenceSuspended,
} from '../testing/job-events';
import { suspendInForceDecider } from './suspend-in-force.decide';

const JOB = 'review.end-use-violation';
const suspend = (now = '2025-09-01T10:00:00Z') => new SuspendLicenceCommand(LICENCE_ID, 'End-use violation', jobContext(JOB, now));

describe('the system suspends a licence in force', () => {
  it('suspends an issued licence inside its validity, recording the job as the one who suspended it', () => {
    spec(suspendInForceDecider).given(licenceIssued).when(suspend()).then([
      { type: 'LicenceSuspended', data: { reason: 'End-use violation', suspendedBy: JOB } },
    ]);
  });

  it('suspends one reinstated since an earlier suspension', () => {
    spec(suspendInForceDecider).given([...licenceIssued, licenceSuspended('officer-zhao'), licenceReinstated]).when(suspend()).then([
      { type: 'LicenceSuspended', data: { reason: 'End-use violation', suspendedBy: JOB } },
    ]);
  });

  it('suspends on the last valid day, and not the day after (its expiry is due)', () => {
    spec(suspendInForceDecider).given(licenceIssued).when(suspend('2026-02-28T23:59:59Z')).then([
      { type: 'LicenceSuspended', data: { reason: 'End-use violation', suspendedBy: JOB } },
    ]);
    spec(suspendInForceDecider).given(licenceIssued).when(suspend('2026-03-01T00:00:00Z')).thenNothing();
  });

  it('leaves the old decisions alone: a licence already suspended, revoked or expired decides nothing', () => {
    spec(suspendInForceDecider).given([...licenceIssued, licenceSuspended('officer-zhao')]).when(suspend()).thenNothing();
    spec(suspendInForceDecider).given([...licenceIssued, licenceRevoked]).when(suspend()).thenNothing();
    spec(suspendInForceDecider).given([...licenceIssued, licenceExpired]).when(suspend()).thenNothing();
  });

  it('leaves a licence never issued, and an unknown one, alone', () => {
    spec(suspendInForceDecider).given([...licenceApplied(), licenceApproved]).when(suspend()).thenNothing();
    spec(suspendInForceDecider).given([]).when(suspend()).thenNothing();
  });
});
