import { flagPolicy } from '../flag-policy';
import { arrived, codesAfter, departed, flagsAfter, registered, shipmentDeclared } from '../../testing/flag-events';

const departedOn = [registered(1000), shipmentDeclared(1000), departed('2025-03-05T08:00:00.000Z')];
const sixtyDaysLater = new Date('2025-05-04T08:00:00.000Z');

describe('ARRIVAL_NOT_CONFIRMED', () => {
  it('is raised, medium, 60 days after departure with no arrival', () => {
    const [flag] = flagsAfter(departedOn, sixtyDaysLater);
    expect(flag).toMatchObject({ code: 'ARRIVAL_NOT_CONFIRMED', severity: 'medium' });
    expect(flag?.detail).toBe('Departed 2025-03-05T08:00:00.000Z; no arrival confirmed within 60 days (due 2025-05-04T08:00:00.000Z).');
  });

  it('is not raised a millisecond before the 60 days are up', () => {
    expect(codesAfter(departedOn, new Date(sixtyDaysLater.getTime() - 1))).toEqual([]);
  });

  it('is not raised before departure, however late', () => {
    expect(codesAfter([registered(1000), shipmentDeclared(1000)], new Date('2026-01-01T00:00:00.000Z'))).toEqual([]);
  });

  it('follows a configured number of days', () => {
    const policy = flagPolicy({ arrivalDueDays: 30 });
    expect(codesAfter(departedOn, new Date('2025-04-04T08:00:00.000Z'), policy)).toEqual(['ARRIVAL_NOT_CONFIRMED']);
    expect(codesAfter(departedOn, new Date('2025-04-04T07:59:59.999Z'), policy)).toEqual([]);
  });

  it('is cleared by an arrival, even a late one', () => {
    expect(codesAfter([...departedOn, arrived('2025-06-01T00:00:00.000Z')], new Date('2025-06-02T00:00:00.000Z'))).toEqual([]);
  });
});
