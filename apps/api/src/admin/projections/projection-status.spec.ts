import { rebuildJobIdOf } from '@ree/platform/projections';
import { PROJECTION_NAME, RebuildStatus, stateOf } from './projection-status';

const rebuildIn = (state: string): RebuildStatus => ({
  jobId: 'rebuild-review.consignments',
  state,
  progress: null,
  requestedBy: 'admin-1',
  requestedAt: '2026-11-28T10:00:00.000Z',
  finishedAt: null,
});

describe('projection status', () => {
  it('is rebuilding while a rebuild job waits, is delayed for a retry or runs', () => {
    for (const state of ['waiting', 'delayed', 'active', 'prioritized']) expect(stateOf(true, rebuildIn(state))).toBe('rebuilding');
  });

  it('follows the lag once the last rebuild job has ended, or without one', () => {
    expect(stateOf(true, rebuildIn('completed'))).toBe('caught-up');
    expect(stateOf(false, rebuildIn('failed'))).toBe('catching-up');
    expect(stateOf(true, undefined)).toBe('caught-up');
    expect(stateOf(false, undefined)).toBe('catching-up');
  });

  it('accepts the names projections have, not a blue/green copy’s checkpoint or anything else', () => {
    for (const name of ['review.consignments', 'reactor.consignment.reconcile-draws', 'registry_mines-2']) expect(PROJECTION_NAME.test(name)).toBe(true);
    for (const name of ['review.consignments@rebuild', '', 'a b', 'x'.repeat(201), "' OR 1=1 --"]) expect(PROJECTION_NAME.test(name)).toBe(false);
  });

  it('gives each projection one job id that BullMQ accepts (no colon, never an integer)', () => {
    expect(rebuildJobIdOf('review.consignments')).toBe('rebuild-review.consignments');
    expect(rebuildJobIdOf('a:b')).not.toContain(':');
    expect(rebuildJobIdOf('42')).toBe('rebuild-42');
  });
});
