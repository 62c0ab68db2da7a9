import { LICENCE_APPROVED } from '../licence/licence.events';
import { licenceStreamId } from '../licence/licence.stream';
import { EXPIRE_LICENCES_QUEUE, expireLicencesRoute, expiryDueAt } from './expire-licences.job';

const approval = (validUntil: string) =>
  ({ eventId: 'e1', type: LICENCE_APPROVED, streamId: licenceStreamId('lic-1'), data: { validFrom: '2026-01-01', validUntil } }) as never;

describe('the expiry route', () => {
  it('is due at the start (UTC) of the day after validUntil', () => {
    expect(expiryDueAt('2026-02-28').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(expiryDueAt('2028-02-28').toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('delays the job of an approval until its validity ends', () => {
    const route = expireLicencesRoute(600_000, () => new Date('2026-02-27T12:00:00Z'));
    expect(route.queue).toBe(EXPIRE_LICENCES_QUEUE);
    expect(route.job(approval('2026-02-28'))).toEqual({
      name: 'expire-licence',
      data: { licenceId: 'lic-1', validUntil: '2026-02-28' },
      delayMs: 36 * 3_600_000,
    });
  });

  it('makes a validity already over, or ending sooner than the floor, due after the floor', () => {
    expect(expireLicencesRoute(600_000, () => new Date('2027-01-01T00:00:00Z')).job(approval('2026-02-28'))?.delayMs).toBe(600_000);
    expect(expireLicencesRoute(600_000, () => new Date('2026-02-28T23:59:00Z')).job(approval('2026-02-28'))?.delayMs).toBe(600_000);
    expect(expireLicencesRoute(0, () => new Date('2027-01-01T00:00:00Z')).job(approval('2026-02-28'))?.delayMs).toBe(0);
  });
});
