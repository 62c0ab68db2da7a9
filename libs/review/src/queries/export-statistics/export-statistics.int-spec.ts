import type { Actor } from '@ree/shared-kernel';
import { openTestDataSource } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { consignmentRow, insertConsignment } from '../../testing/review-rows';
import { ExportStatisticsHandler } from './export-statistics.handler';
import { ExportStatisticsQuery } from './export-statistics.query';
import type { StatisticsGrouping } from './export-statistics.request.dto';

/** The releases of this spec fall in a far year of their own, so that other specs' rows never count. */
const year = 2200 + Math.floor(Math.random() * 7000);
const on = (monthDay: string) => `${year}-${monthDay}`;

describe('export statistics (ExportStatisticsHandler)', () => {
  let dataSource: DataSource;
  let handler: ExportStatisticsHandler;
  const org = `org-stats-${randomUUID().slice(0, 8)}`;
  const auditor: Actor = { sub: 'a', role: 'auditor' };

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    handler = new ExportStatisticsHandler(dataSource);
    const released = [
      { releasedOn: on('01-01'), shippedGrams: 12_000_001, element: 'Nd', destinationCountry: 'DE', hsCode: '2846.90', controlled: false },
      { releasedOn: on('01-31'), shippedGrams: 500_500, element: 'Dy', destinationCountry: 'JP', hsCode: '2846.90', controlled: true, controlCode: '1C905' },
      { releasedOn: on('02-15'), shippedGrams: 2_000_000, element: 'Nd', destinationCountry: 'US', hsCode: '8505.11', exporterOrg: `${org}-other`, controlled: true, controlCode: '1C904' },
      { releasedOn: on('12-31'), shippedGrams: 1, element: 'NdPr', destinationCountry: 'DE', hsCode: '2805.30' },
      { releasedOn: on('12-31'), shippedGrams: 7_000, element: 'mixed', destinationCountry: 'DE', hsCode: '2846.90' },
    ];
    for (const row of released) await insertConsignment(dataSource, consignmentRow({ exporterOrg: org, status: 'released', ...row }));
    await insertConsignment(dataSource, consignmentRow({ exporterOrg: org, status: 'shipment-declared', element: 'Nd' }));
  });
  afterAll(() => dataSource.destroy());

  const statistics = (groupBy: StatisticsGrouping, from = on('01-01'), to = on('12-31'), viewer = auditor) =>
    handler.execute(new ExportStatisticsQuery(groupBy, viewer, from, to));

  it('groups what was released by month, sums the shipped grams as kilograms, counts consignments, sorted by key', async () => {
    expect(await statistics('month')).toEqual({
      groupBy: 'month',
      from: on('01-01'),
      to: on('12-31'),
      items: [
        { key: `${year}-01`, shippedKg: 12500.501, consignments: 2 },
        { key: `${year}-02`, shippedKg: 2000, consignments: 1 },
        { key: `${year}-12`, shippedKg: 7.001, consignments: 2 },
      ],
    });
  });

  it('groups by element, destination country and HS code, keys sorted by their characters whatever the locale', async () => {
    expect((await statistics('element')).items).toEqual([
      { key: 'Dy', shippedKg: 500.5, consignments: 1 },
      { key: 'Nd', shippedKg: 14000.001, consignments: 2 },
      { key: 'NdPr', shippedKg: 0.001, consignments: 1 },
      { key: 'mixed', shippedKg: 7, consignments: 1 },
    ]);
    expect((await statistics('destinationCountry')).items.map((item) => [item.key, item.consignments])).toEqual([['DE', 3], ['JP', 1], ['US', 1]]);
    expect((await statistics('hsCode')).items.map((item) => [item.key, item.shippedKg])).toEqual([['2805.30', 0.001], ['2846.90', 12507.501], ['8505.11', 2000]]);
  });

  it('groups by control code and by controlled or not; consignments registered before the control list are unclassified', async () => {
    expect((await statistics('controlCode')).items).toEqual([
      { key: '1C904', shippedKg: 2000, consignments: 1 },
      { key: '1C905', shippedKg: 500.5, consignments: 1 },
      { key: 'not-controlled', shippedKg: 12000.001, consignments: 1 },
      { key: 'unclassified', shippedKg: 7.001, consignments: 2 },
    ]);
    expect((await statistics('controlled')).items).toEqual([
      { key: 'controlled', shippedKg: 2500.5, consignments: 2 },
      { key: 'not-controlled', shippedKg: 12000.001, consignments: 1 },
      { key: 'unclassified', shippedKg: 7.001, consignments: 2 },
    ]);
  });

  it('counts the days from and to both included', async () => {
    expect((await statistics('month', on('01-31'), on('02-15'))).items).toEqual([
      { key: `${year}-01`, shippedKg: 500.5, consignments: 1 },
      { key: `${year}-02`, shippedKg: 2000, consignments: 1 },
    ]);
    expect((await statistics('month', on('02-16'), on('12-30'))).items).toEqual([]);
  });

  it("counts an exporter's own organisation only", async () => {
    const exporter: Actor = { sub: 'desk', role: 'exporter', org };
    expect((await statistics('destinationCountry', on('01-01'), on('12-31'), exporter)).items.map((item) => item.key)).toEqual(['DE', 'JP']);
  });
});
