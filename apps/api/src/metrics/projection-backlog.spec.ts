import { backlogOf } from './projection-backlog';

describe('backlogOf', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');

  it('is nothing when no event waits', () => {
    expect(backlogOf([], now)).toEqual({ lagEvents: 0, lagSeconds: 0 });
  });

  it('counts the waiting events and ages the lag by the oldest of them', () => {
    const waiting = [{ recordedAt: '2026-03-01T11:59:30.000Z' }, { recordedAt: '2026-03-01T11:59:58.500Z' }];
    expect(backlogOf(waiting, now)).toEqual({ lagEvents: 2, lagSeconds: 30 });
  });

  it('never reports a negative age for an event stamped by a clock ahead of this one', () => {
    expect(backlogOf([{ recordedAt: '2026-03-01T12:00:05.000Z' }], now)).toEqual({ lagEvents: 1, lagSeconds: 0 });
  });
});
