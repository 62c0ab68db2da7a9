import type { ConsignmentEvent } from '@ree/consignment';
import { spec } from '@ree/testing';
import { flagPolicy, foldFlagState } from '@ree/review';
import { arrived, cancelled, departed, endUseChecked, registered, shipmentDeclared } from '@ree/review/testing/flag-events';
import { deadlineDueAt, type DeadlineFlagCode, RaiseDeadlineFlagCommand, raiseDeadlineFlagDecider } from './deadline-flags.decide';

const policy = flagPolicy({ arrivalDueDays: 60, endUseCheckDueDays: 90 });
const DEPARTED = '2025-03-05T08:00:00.000Z';
const ARRIVED = '2025-04-20T10:00:00.000Z';
const ARRIVAL_DUE = '2025-05-04T08:00:00.000Z';
const CHECK_DUE = '2025-07-19T10:00:00.000Z';

const history = (...events: unknown[]) => events as ConsignmentEvent[];
const shipped = history(registered(1000), shipmentDeclared(1000), departed(DEPARTED));
const landed = history(...shipped, arrived(ARRIVED));
const at = (code: DeadlineFlagCode, instant: string): RaiseDeadlineFlagCommand => ({ consignmentId: 'c-1', code, now: new Date(instant), policy });
const flagged = (code: DeadlineFlagCode, detail: string): ConsignmentEvent => ({ type: 'ConsignmentFlagged', data: { code, severity: 'medium', detail } });
const arrivalOverdue = flagged(
  'ARRIVAL_NOT_CONFIRMED',
  `Departed ${DEPARTED}; no arrival confirmed within 60 days (due ${ARRIVAL_DUE}).`,
);
const checkOverdue = flagged(
  'END_USE_CHECK_OVERDUE',
  `Arrived ${ARRIVED}; no end-use check recorded within 90 days (due ${CHECK_DUE}).`,
);

describe('ARRIVAL_NOT_CONFIRMED, decided by its job', () => {
  it('flags a departure with no arrival once the deadline has come, with the rule’s severity and detail', () => {
    spec(raiseDeadlineFlagDecider).given(shipped).when(at('ARRIVAL_NOT_CONFIRMED', ARRIVAL_DUE)).then([arrivalOverdue]);
  });

  it('flags nothing a millisecond before the deadline (a job run early)', () => {
    spec(raiseDeadlineFlagDecider).given(shipped).when(at('ARRIVAL_NOT_CONFIRMED', '2025-05-04T07:59:59.999Z')).thenNothing();
  });

  it('flags nothing once arrived, even late', () => {
    spec(raiseDeadlineFlagDecider).given(landed).when(at('ARRIVAL_NOT_CONFIRMED', '2025-06-01T00:00:00Z')).thenNothing();
  });

  it('flags once: a second run finds the flag open', () => {
    spec(raiseDeadlineFlagDecider).given([...shipped, arrivalOverdue]).when(at('ARRIVAL_NOT_CONFIRMED', '2025-06-01T00:00:00Z')).thenNothing();
  });

  it('follows the policy of the job’s time: a shorter deadline flags sooner', () => {
    const sooner = { ...at('ARRIVAL_NOT_CONFIRMED', '2025-03-06T08:00:00.000Z'), policy: flagPolicy({ arrivalDueDays: 1 }) };
    spec(raiseDeadlineFlagDecider).given(shipped).when(sooner).then([
      flagged('ARRIVAL_NOT_CONFIRMED', `Departed ${DEPARTED}; no arrival confirmed within 1 days (due 2025-03-06T08:00:00.000Z).`),
    ]);
  });
});

describe('END_USE_CHECK_OVERDUE, decided by its job', () => {
  it('flags an arrival with no end-use check once the deadline has come', () => {
    spec(raiseDeadlineFlagDecider).given(landed).when(at('END_USE_CHECK_OVERDUE', CHECK_DUE)).then([checkOverdue]);
  });

  it('flags nothing before the deadline, nor after any check, nor twice', () => {
    spec(raiseDeadlineFlagDecider).given(landed).when(at('END_USE_CHECK_OVERDUE', '2025-07-19T09:59:59.999Z')).thenNothing();
    spec(raiseDeadlineFlagDecider).given([...landed, ...history(endUseChecked('not-verified'))]).when(at('END_USE_CHECK_OVERDUE', CHECK_DUE)).thenNothing();
    spec(raiseDeadlineFlagDecider).given([...landed, checkOverdue]).when(at('END_USE_CHECK_OVERDUE', '2025-08-01T00:00:00Z')).thenNothing();
  });

  it('is not the arrival job’s business: an arrival job after the arrival flags nothing, even when the check is overdue', () => {
    spec(raiseDeadlineFlagDecider).given(landed).when(at('ARRIVAL_NOT_CONFIRMED', '2025-08-01T00:00:00Z')).thenNothing();
  });

  it('flags nothing on a cancelled consignment', () => {
    spec(raiseDeadlineFlagDecider).given(history(registered(1000), cancelled)).when(at('END_USE_CHECK_OVERDUE', CHECK_DUE)).thenNothing();
  });
});

describe('when a deadline job should run', () => {
  it('is the deadline of its own code while that flag may still come', () => {
    expect(deadlineDueAt(foldFlagState(shipped), 'ARRIVAL_NOT_CONFIRMED', policy)?.toISOString()).toBe(ARRIVAL_DUE);
    expect(deadlineDueAt(foldFlagState(landed), 'END_USE_CHECK_OVERDUE', policy)?.toISOString()).toBe(CHECK_DUE);
  });

  it('is never once the awaited event came, before departure or arrival, or after a cancel', () => {
    expect(deadlineDueAt(foldFlagState(landed), 'ARRIVAL_NOT_CONFIRMED', policy)).toBeNull();
    expect(deadlineDueAt(foldFlagState(shipped), 'END_USE_CHECK_OVERDUE', policy)).toBeNull();
    expect(deadlineDueAt(foldFlagState([...landed, ...history(endUseChecked('verified'))]), 'END_USE_CHECK_OVERDUE', policy)).toBeNull();
    expect(deadlineDueAt(foldFlagState(history(registered(1000), cancelled)), 'ARRIVAL_NOT_CONFIRMED', policy)).toBeNull();
  });
});
