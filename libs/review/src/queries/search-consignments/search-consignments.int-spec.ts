import { BadRequestException } from '@nestjs/common';
import { encodeCursor } from '@ree/platform/http';
import type { Actor } from '@ree/shared-kernel';
import { openTestDataSource } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { consignmentRow, ConsignmentRow, flagEntry, insertConsignment } from '../../testing/review-rows';
import { rangeEndOf, rangeStartOf } from '../time-range';
import { ConsignmentFilter, SearchConsignmentsQuery } from './search-consignments.query';
import { SearchConsignmentsHandler } from './search-consignments.handler';

const officer: Actor = { sub: 'officer-wang', role: 'licensing-officer' };

/** A day of its own in a far year, so that other specs' rows in the shared test database never match. */
const year = 2200 + Math.floor(Math.random() * 7000);
const day = (n: number) => `${year}-05-${String(n).padStart(2, '0')}`;
const at = (n: number, time = '08:00:00.000') => `${day(n)}T${time}Z`;
const window: ConsignmentFilter = { registeredFrom: rangeStartOf(day(1)), registeredBefore: rangeEndOf(day(28)) };

describe('the reviewers search (SearchConsignmentsHandler)', () => {
  let dataSource: DataSource;
  let handler: SearchConsignmentsHandler;
  const search = (filter: ConsignmentFilter = {}, viewer: Actor = officer, limit = 50, cursor?: string) =>
    handler.execute(new SearchConsignmentsQuery({ ...window, ...filter }, viewer, limit, cursor));
  const ids = async (filter: ConsignmentFilter = {}, viewer: Actor = officer) => (await search(filter, viewer)).items.map((item) => item.consignmentId);

  const orgA = `org-a-${randomUUID().slice(0, 8)}`;
  const orgB = `org-b-${randomUUID().slice(0, 8)}`;
  let rows: Record<string, ConsignmentRow>;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    handler = new SearchConsignmentsHandler(dataSource);
    const licenceId = randomUUID();
    const specs: Record<string, Partial<ConsignmentRow>> = {
      registered: { exporterOrg: orgA, registeredAt: at(2) },
      shortfall: {
        exporterOrg: orgA, status: 'processed', element: 'Dy', destinationCountry: 'JP', registeredAt: at(3), controlCode: '1C905', controlled: true,
        flags: [flagEntry('SOURCE_SHORTFALL', 'high', at(4)), flagEntry('LOW_YIELD', 'medium', at(4), at(5), 'LOW_YIELD:s1')],
      },
      released: {
        exporterOrg: orgB, status: 'released', licenceId, registeredAt: at(10), updatedAt: at(12), quantityGrams: 1_234_567, controlled: false,
        flags: [flagEntry('WEIGHT_DISCREPANCY', 'high', at(11)), flagEntry('RESTRICTED_PARTY_MATCH', 'critical', at(12))],
      },
      lowYieldCleared: { exporterOrg: orgB, status: 'processed', registeredAt: at(20), flags: [flagEntry('LOW_YIELD', 'medium', at(21), at(22))] },
      lastDay: { exporterOrg: orgB, status: 'cancelled', destinationCountry: 'US', element: 'NdPr', registeredAt: at(28, '23:59:59.999') },
    };
    rows = {};
    for (const [name, overrides] of Object.entries(specs)) rows[name] = await insertConsignment(dataSource, consignmentRow(overrides));
  });
  afterAll(() => dataSource.destroy());

  const idsOf = (...names: string[]) => names.map((name) => rows[name].consignmentId);

  it('lists newest registered first, each as a summary: kilograms from grams, open flags, the highest open severity', async () => {
    const page = await search();
    expect(page.items.map((item) => item.consignmentId)).toEqual(idsOf('lastDay', 'lowYieldCleared', 'released', 'shortfall', 'registered'));
    expect(page.nextCursor).toBeNull();
    expect(page.items[2]).toEqual({
      consignmentId: rows.released.consignmentId,
      status: 'released',
      exporterOrg: orgB,
      product: 'Neodymium oxide 99.5 %',
      element: 'Nd',
      hsCode: '2846.90',
      quantityKg: 1234.567,
      destinationCountry: 'DE',
      registeredAt: at(10),
      updatedAt: at(12),
      licenceId: rows.released.licenceId,
      controlCode: null,
      controlled: false,
      openFlags: ['WEIGHT_DISCREPANCY', 'RESTRICTED_PARTY_MATCH'],
      highestSeverity: 'critical',
    });
    expect(page.items[0]).toMatchObject({ openFlags: [], highestSeverity: null, licenceId: null });
  });

  it('filters by control code and by controlled or not (never-classified consignments match neither)', async () => {
    expect(await ids({ controlCode: '1C905' })).toEqual(idsOf('shortfall'));
    expect(await ids({ controlCode: '1C902' })).toEqual([]);
    expect(await ids({ controlled: true })).toEqual(idsOf('shortfall'));
    expect(await ids({ controlled: false })).toEqual(idsOf('released'));
    expect((await search({ controlCode: '1C905' })).items[0]).toMatchObject({ controlCode: '1C905', controlled: true });
  });

  it('filters by status, open flag, open severity, exporter, destination and element', async () => {
    expect(await ids({ status: 'processed' })).toEqual(idsOf('lowYieldCleared', 'shortfall'));
    expect(await ids({ status: 'cancelled' })).toEqual(idsOf('lastDay'));
    expect(await ids({ flag: 'SOURCE_SHORTFALL' })).toEqual(idsOf('shortfall'));
    expect(await ids({ flag: 'LOW_YIELD' })).toEqual([]);
    expect(await ids({ severity: 'high' })).toEqual(idsOf('released', 'shortfall'));
    expect(await ids({ severity: 'medium' })).toEqual([]);
    expect(await ids({ exporterOrg: orgA })).toEqual(idsOf('shortfall', 'registered'));
    expect(await ids({ destinationCountry: 'JP' })).toEqual(idsOf('shortfall'));
    expect(await ids({ element: 'NdPr' })).toEqual(idsOf('lastDay'));
  });

  it('combines filters with AND', async () => {
    expect(await ids({ exporterOrg: orgB, severity: 'high' })).toEqual(idsOf('released'));
    expect(await ids({ exporterOrg: orgA, flag: 'RESTRICTED_PARTY_MATCH' })).toEqual([]);
    expect(await ids({ status: 'processed', element: 'Dy', destinationCountry: 'JP', flag: 'SOURCE_SHORTFALL' })).toEqual(idsOf('shortfall'));
  });

  it('takes the registration range with from inclusive and to exclusive, a day as to including that whole day', async () => {
    expect(await ids({ registeredFrom: rangeStartOf(at(10)), registeredBefore: rangeEndOf(at(20)) })).toEqual(idsOf('released'));
    expect(await ids({ registeredFrom: rangeStartOf(day(10)), registeredBefore: rangeEndOf(day(20)) })).toEqual(idsOf('lowYieldCleared', 'released'));
    expect(await ids({ registeredFrom: rangeStartOf(day(28)), registeredBefore: rangeEndOf(day(28)) })).toEqual(idsOf('lastDay'));
    expect(await ids({ registeredFrom: rangeStartOf(`${day(3)}T10:00:00+02:00`), registeredBefore: rangeEndOf(day(9)) })).toEqual(idsOf('shortfall'));
  });

  it('pages with the cursor: every consignment once, ties on the instant ordered by id, microseconds kept', async () => {
    const org = `org-paging-${randomUUID().slice(0, 8)}`;
    const instants = [at(15, '10:00:00.123456'), at(15, '10:00:00.123457'), at(15, '10:00:00.123457'), at(15, '10:00:00.123457'), at(16)];
    const inserted = [];
    for (const registeredAt of instants) inserted.push(await insertConsignment(dataSource, consignmentRow({ exporterOrg: org, registeredAt })));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search({ exporterOrg: org }, officer, 2, cursor);
      seen.push(...page.items.map((item) => item.consignmentId));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    const tied = inserted.slice(1, 4).map((row) => row.consignmentId).sort().reverse();
    expect(seen).toEqual([inserted[4].consignmentId, ...tied, inserted[0].consignmentId]);
    expect(pages).toBe(3);
  });

  it("limits an exporter to its own organisation's consignments, whatever exporterOrg says", async () => {
    const exporter: Actor = { sub: 'desk', role: 'exporter', org: orgA };
    expect(await ids({}, exporter)).toEqual(idsOf('shortfall', 'registered'));
    expect(await ids({ exporterOrg: orgB }, exporter)).toEqual([]);
    expect(await ids({ exporterOrg: orgA, flag: 'SOURCE_SHORTFALL' }, exporter)).toEqual(idsOf('shortfall'));
  });

  it('refuses a cursor it did not give out with invalid-cursor, before any SQL', async () => {
    for (const cursor of ['not-base64-json', encodeCursor(['yesterday', 'x']), encodeCursor([at(2), 'x\u0000']), encodeCursor(['0000-01-01T00:00:00.000000Z', 'x']), encodeCursor([at(2)])]) {
      const failure = await search({}, officer, 2, cursor).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BadRequestException);
      expect((failure as BadRequestException).getResponse()).toMatchObject({ code: 'invalid-cursor' });
    }
  });
});
