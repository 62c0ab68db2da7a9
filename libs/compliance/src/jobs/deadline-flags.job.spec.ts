import { consignmentStream } from '@ree/consignment';
import { licenceStream } from '@ree/licensing';
import { flagPolicy } from '@ree/review';
import { DEADLINE_FLAGS_QUEUE, deadlineFlagsRoute } from './deadline-flags.job';

const policy = flagPolicy({ arrivalDueDays: 60, endUseCheckDueDays: 90 });
const event = (type: string, data: Record<string, unknown>, streamId = consignmentStream.streamId('c-1')) => ({ eventId: 'e1', type, streamId, data }) as never;
const departure = event('ShipmentDeparted', { departedAt: '2025-03-05T08:00:00.000Z', vesselOrFlight: 'COSCO Aries' });
const arrival = event('ShipmentArrived', { arrivedAt: '2025-04-20T10:00:00.000Z', portOfArrival: 'DEHAM', confirmedBy: 'consignee' });

describe('the deadline-flags route', () => {
  it('delays a departure’s job until the arrival is overdue', () => {
    const route = deadlineFlagsRoute(policy, 600_000, () => new Date('2025-03-05T08:00:00.000Z'));
    expect(route.queue).toBe(DEADLINE_FLAGS_QUEUE);
    expect(route.eventTypes).toEqual(['ShipmentDeparted', 'ShipmentArrived']);
    expect(route.job(departure)).toEqual({
      name: 'arrival-not-confirmed',
      data: { consignmentId: 'c-1', code: 'ARRIVAL_NOT_CONFIRMED', dueAt: '2025-05-04T08:00:00.000Z' },
      delayMs: 60 * 86_400_000,
    });
  });

  it('delays an arrival’s job until the end-use check is overdue', () => {
    const route = deadlineFlagsRoute(policy, 600_000, () => new Date('2025-04-20T10:00:00.000Z'));
    expect(route.job(arrival)).toEqual({
      name: 'end-use-check-overdue',
      data: { consignmentId: 'c-1', code: 'END_USE_CHECK_OVERDUE', dueAt: '2025-07-19T10:00:00.000Z' },
      delayMs: 90 * 86_400_000,
    });
  });

  it('makes a deadline already past, or due sooner than the floor, due after the floor', () => {
    expect(deadlineFlagsRoute(policy, 600_000, () => new Date('2026-01-01T00:00:00Z')).job(departure)?.delayMs).toBe(600_000);
    expect(deadlineFlagsRoute(policy, 600_000, () => new Date('2025-05-04T07:59:00.000Z')).job(departure)?.delayMs).toBe(600_000);
    expect(deadlineFlagsRoute(policy, 0, () => new Date('2026-01-01T00:00:00Z')).job(arrival)?.delayMs).toBe(0);
  });

  it('routes only a consignment stream’s events: the same type elsewhere makes no job', () => {
    const route = deadlineFlagsRoute(policy, 0, () => new Date('2025-03-05T08:00:00.000Z'));
    expect(route.job(event('ShipmentDeparted', { departedAt: '2025-03-05T08:00:00.000Z' }, licenceStream.streamId('c-1')))).toBeUndefined();
  });

  it('counts from the policy it was given', () => {
    const route = deadlineFlagsRoute(flagPolicy({ arrivalDueDays: 1 }), 0, () => new Date('2025-03-05T08:00:00.000Z'));
    expect(route.job(departure)?.delayMs).toBe(86_400_000);
  });
});
