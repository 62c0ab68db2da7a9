import { evaluateEventFlags, evaluateFlags, flagChanges, nextFlagDueAt } from './evaluate-flags';
import { EVENT_FLAG_CODES } from './flag';
import { flagPolicy } from './flag-policy';
import {
  arrived, cancelled, classified, departed, endUseChecked, inspected, licenceSuspended, registered, shipmentDeclared, source, step,
} from '../testing/flag-events';
import { foldFlagState } from './flag-state';

const at = (iso: string) => new Date(iso);

describe('flag changes between two evaluations', () => {
  it('names the flags raised and cleared by the events in between', () => {
    const before = evaluateFlags(foldFlagState([registered(600), source('d-1', 500)]), at('2025-03-01T00:00:00Z'));
    const after = evaluateFlags(
      foldFlagState([registered(600), source('d-1', 500), source('d-2', 1000, 'd-1'), step('s-1', 'separation', 1000, 700)]),
      at('2025-03-01T00:00:00Z'),
    );
    const changes = flagChanges(before, after);
    expect(changes.raised.map((flag) => flag.key)).toEqual(['LOW_YIELD:s-1']);
    expect(changes.cleared.map((flag) => flag.code)).toEqual(['SOURCE_SHORTFALL']);
  });

  it('raises a flag again when its detail changed, and reports nothing when nothing changed', () => {
    const declared = [registered(1000), shipmentDeclared(1000)];
    const first = evaluateFlags(foldFlagState([...declared, inspected(1100)]), at('2025-03-03T00:00:00Z'));
    const second = evaluateFlags(foldFlagState([...declared, inspected(1100), inspected(1200)]), at('2025-03-03T00:00:00Z'));
    expect(flagChanges(first, second).raised.map((flag) => flag.detail)).toEqual([expect.stringContaining('1200 kg')]);
    expect(flagChanges(second, second)).toEqual({ raised: [], cleared: [] });
  });
});

describe('the next time a job should look', () => {
  const shipped = [registered(1000), shipmentDeclared(1000), departed('2025-03-05T08:00:00.000Z')];

  it('is the arrival deadline while departed and not arrived', () => {
    expect(nextFlagDueAt(foldFlagState(shipped))?.toISOString()).toBe('2025-05-04T08:00:00.000Z');
  });

  it('is the end-use-check deadline once arrived', () => {
    expect(nextFlagDueAt(foldFlagState([...shipped, arrived('2025-04-20T10:00:00.000Z')]))?.toISOString()).toBe('2025-07-19T10:00:00.000Z');
  });

  it('is nothing once checked, and nothing before departure', () => {
    expect(nextFlagDueAt(foldFlagState([...shipped, arrived(), endUseChecked('verified')]))).toBeNull();
    expect(nextFlagDueAt(foldFlagState([registered(1000), shipmentDeclared(1000)]))).toBeNull();
    expect(nextFlagDueAt(foldFlagState([registered(1000), shipmentDeclared(1000), cancelled]))).toBeNull();
  });
});

describe('the flags that follow from events alone', () => {
  const overdue = [registered(1000), shipmentDeclared(1000), departed('2025-03-05T08:00:00.000Z')];

  it('leaves out the time-based flags, whatever the clock says', () => {
    const state = foldFlagState([...overdue, inspected(1100)]);
    expect(evaluateFlags(state, at('2026-01-01T00:00:00Z')).map((flag) => flag.code)).toEqual(['WEIGHT_DISCREPANCY', 'ARRIVAL_NOT_CONFIRMED']);
    expect(evaluateEventFlags(state).map((flag) => flag.code)).toEqual(['WEIGHT_DISCREPANCY']);
  });

  it('gives every event-based code, each a code of EVENT_FLAG_CODES, with the policy\'s floors', () => {
    const state = foldFlagState([
      registered(1000), source('d-1', 500), step('s-1', 'separation', 1000, 850), classified(true, false), shipmentDeclared(1000), inspected(900),
      licenceSuspended, departed(), arrived(), endUseChecked('diverted'),
    ]);
    const codes = evaluateEventFlags(state).map((flag) => flag.code);
    expect(codes).toEqual(['SOURCE_SHORTFALL', 'LOW_YIELD', 'WEIGHT_DISCREPANCY', 'LICENCE_SUSPENDED_IN_TRANSIT', 'END_USE_VIOLATION', 'HS_CODE_MISMATCH']);
    expect([...codes].sort()).toEqual([...EVENT_FLAG_CODES].sort());
    expect(evaluateEventFlags(state, flagPolicy({ yieldFloors: { separation: 0.8 } })).map((flag) => flag.code)).not.toContain('LOW_YIELD');
  });
});
