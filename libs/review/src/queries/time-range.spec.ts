import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { isInstant, rangeEndOf, rangeStartOf } from './time-range';
import { SearchConsignmentsRequestDto } from './search-consignments/search-consignments.request.dto';

const failingFields = async (query: Record<string, unknown>) =>
  (await validate(plainToInstance(SearchConsignmentsRequestDto, query))).map((error) => error.property);

describe('the registration range of the search', () => {
  it('starts a day at 00:00 UTC and ends it at 24:00 UTC', () => {
    expect(new Date(rangeStartOf('2025-03-01')).toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(new Date(rangeEndOf('2025-03-01')).toISOString()).toBe('2025-03-02T00:00:00.000Z');
    expect(new Date(rangeEndOf('2024-02-29')).toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  it('takes an instant at its offset, to the millisecond', () => {
    expect(new Date(rangeStartOf('2025-03-01T16:00+08:00')).toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(new Date(rangeEndOf('2025-03-01T08:00:00.25-01:30')).toISOString()).toBe('2025-03-01T09:30:00.250Z');
    expect(new Date(rangeStartOf('2025-03-01T08:00:00.123456Z')).toISOString()).toBe('2025-03-01T08:00:00.123Z');
  });

  it.each([
    ['2025-02-30', 'no such day'],
    ['2025-3-1', 'not zero-padded'],
    ['2025-03-01T08:00:00', 'an instant without its offset'],
    ['2025-03-01T24:00Z', 'hour 24'],
    ['2025-03-01T08:60Z', 'minute 60'],
    ['2025-03-01T08:00+25:00', 'an offset of 25 hours'],
    ['yesterday', 'words'],
    ['1740816000000', 'epoch milliseconds'],
  ])('refuses %s (%s), naming the field', async (value) => {
    expect(await failingFields({ from: value })).toEqual(['from']);
    expect(await failingFields({ to: value })).toEqual(['to']);
  });

  it('refuses from after to and an empty range, naming to; the same day as from and to is that day', async () => {
    expect(await failingFields({ from: '2025-03-02', to: '2025-03-01' })).toEqual(['to']);
    expect(await failingFields({ from: '2025-03-01T08:00Z', to: '2025-03-01T08:00Z' })).toEqual(['to']);
    expect(await failingFields({ from: '2025-03-01T08:00Z', to: '2025-03-01T07:00:00-01:00' })).toEqual(['to']);
    expect(await failingFields({ from: '2025-03-01', to: '2025-03-01' })).toEqual([]);
    expect(await failingFields({ from: '2025-03-01T12:00Z', to: '2025-03-01' })).toEqual([]);
  });

  it('tells the instants a cursor may carry: an offset given, a year PostgreSQL holds', () => {
    expect(isInstant('2025-03-01T08:00:00.123456Z')).toBe(true);
    expect(isInstant('2025-03-01')).toBe(false);
    expect(isInstant('0000-03-01T08:00:00.000000Z')).toBe(false);
    expect(isInstant(17)).toBe(false);
  });
});
