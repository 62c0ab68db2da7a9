import { flagPolicy } from '../flag-policy';
import { arrived, codesAfter, departed, endUseChecked, flagsAfter, registered, shipmentDeclared } from '../../testing/flag-events';

const arrivedOn = [registered(1000), shipmentDeclared(1000), departed(), arrived('2025-04-20T10:00:00.000Z')];
const ninetyDaysLater = new Date('2025-07-19T10:00:00.000Z');

describe('END_USE_CHECK_OVERDUE', () => {
  it('is raised, medium, 90 days after arrival with no end-use check', () => {
    const [flag] = flagsAfter(arrivedOn, ninetyDaysLater);
    expect(flag).toMatchObject({ code: 'END_USE_CHECK_OVERDUE', severity: 'medium' });
    expect(flag?.detail).toBe('Arrived 2025-04-20T10:00:00.000Z; no end-use check recorded within 90 days (due 2025-07-19T10:00:00.000Z).');
  });

  it('is not raised a millisecond before the 90 days are up', () => {
    expect(codesAfter(arrivedOn, new Date(ninetyDaysLater.getTime() - 1))).toEqual([]);
  });

  it('is not raised before arrival (that is ARRIVAL_NOT_CONFIRMED’s business)', () => {
    expect(codesAfter([registered(1000), shipmentDeclared(1000), departed()], new Date('2025-04-25T00:00:00.000Z'))).toEqual([]);
  });

  it('follows a configured number of days', () => {
    expect(codesAfter(arrivedOn, new Date('2025-05-20T10:00:00.000Z'), flagPolicy({ endUseCheckDueDays: 30 }))).toEqual(['END_USE_CHECK_OVERDUE']);
  });

  it('is cleared by a verified check', () => {
    expect(codesAfter([...arrivedOn, endUseChecked('verified', '2025-08-01')], new Date('2025-08-02T00:00:00.000Z'))).toEqual([]);
  });

  it('is cleared by any check, a failed one raising END_USE_VIOLATION instead', () => {
    expect(codesAfter([...arrivedOn, endUseChecked('diverted', '2025-08-01')], new Date('2025-08-02T00:00:00.000Z'))).toEqual(['END_USE_VIOLATION']);
  });
});
