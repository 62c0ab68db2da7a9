import { consignmentStream } from '@ree/consignment';
import { END_USE_VIOLATION_QUEUE, endUseViolationReason, endUseViolationRoute } from './end-use-violation.job';

const check = (outcome: string, notes = 'Magnets not at the declared site', streamId = consignmentStream.streamId('c-1')) =>
  ({ eventId: 'e1', type: 'EndUseCheckRecorded', streamId, data: { checkedOn: '2025-07-01', outcome, notes } }) as never;

describe('the end-use-violation route', () => {
  it('turns a diverted or not-verified check into a job at once', () => {
    const route = endUseViolationRoute();
    expect(route.queue).toBe(END_USE_VIOLATION_QUEUE);
    expect(route.job(check('diverted'))).toEqual({
      name: 'suspend-licence',
      data: { consignmentId: 'c-1', checkedOn: '2025-07-01', outcome: 'diverted', notes: 'Magnets not at the declared site' },
    });
    expect(route.job(check('not-verified'))?.data).toMatchObject({ outcome: 'not-verified' });
  });

  it('turns a verified check into nothing, nor a check on a stream that is not a consignment’s', () => {
    expect(endUseViolationRoute().job(check('verified'))).toBeUndefined();
    expect(endUseViolationRoute().job(check('diverted', 'notes', 'mine-c-1'))).toBeUndefined();
  });

  it('gives a reason naming the consignment, the day, the finding and the notes', () => {
    const job = { consignmentId: 'c-1', checkedOn: '2025-07-01', outcome: 'diverted' as const, notes: ' Magnets resold ' };
    expect(endUseViolationReason(job)).toBe('End-use violation: the check of consignment c-1 on 2025-07-01 found the end use diverted (Magnets resold)');
    expect(endUseViolationReason({ ...job, notes: '' })).toBe('End-use violation: the check of consignment c-1 on 2025-07-01 found the end use diverted');
  });
});
