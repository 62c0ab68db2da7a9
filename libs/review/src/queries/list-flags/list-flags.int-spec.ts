import type { Actor } from '@ree/shared-kernel';
import { openTestDataSource } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { consignmentRow, ConsignmentRow, flagEntry, insertConsignment } from '../../testing/review-rows';
import { FlagFilter, ListFlagsQuery } from './list-flags.query';
import { ListFlagsHandler } from './list-flags.handler';

/** Every flag of this spec is on its own organisations', read as their exporter so that other specs' flags never show. */
describe('red flags across consignments (ListFlagsHandler)', () => {
  let dataSource: DataSource;
  let handler: ListFlagsHandler;
  const org = `org-flags-${randomUUID().slice(0, 8)}`;
  const exporter: Actor = { sub: 'desk', role: 'exporter', org };
  let first: ConsignmentRow;
  let second: ConsignmentRow;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    handler = new ListFlagsHandler(dataSource);
    first = await insertConsignment(
      dataSource,
      consignmentRow({
        exporterOrg: org,
        flags: [
          flagEntry('SOURCE_SHORTFALL', 'high', '2025-03-02T08:00:00.000Z'),
          flagEntry('LOW_YIELD', 'medium', '2025-03-03T08:00:00.000Z', '2025-03-04T08:00:00.000Z', 'LOW_YIELD:s1'),
          flagEntry('LOW_YIELD', 'medium', '2025-03-03T08:00:00.000Z', null, 'LOW_YIELD:s2'),
        ],
      }),
    );
    second = await insertConsignment(
      dataSource,
      consignmentRow({ exporterOrg: org, flags: [flagEntry('END_USE_VIOLATION', 'critical', '2025-06-01T08:00:00.000Z')] }),
    );
    await insertConsignment(dataSource, consignmentRow({ exporterOrg: `${org}-other`, flags: [flagEntry('SOURCE_SHORTFALL', 'high', '2025-06-02T08:00:00.000Z')] }));
  });
  afterAll(() => dataSource.destroy());

  const list = (filter: Partial<FlagFilter> = {}, limit = 50, cursor?: string) =>
    handler.execute(new ListFlagsQuery({ open: true, ...filter }, exporter, limit, cursor));
  const keysOf = async (filter: Partial<FlagFilter> = {}) => (await list(filter)).items.map((item) => `${item.consignmentId}/${item.code}`);

  it('lists the open flags newest raised first, each with its consignment, and the cleared ones with open=false', async () => {
    const page = await list();
    expect(page.items).toEqual([
      { consignmentId: second.consignmentId, exporterOrg: org, code: 'END_USE_VIOLATION', severity: 'critical', detail: 'END_USE_VIOLATION raised for the spec', raisedAt: '2025-06-01T08:00:00.000Z', clearedAt: null, open: true },
      expect.objectContaining({ consignmentId: first.consignmentId, code: 'LOW_YIELD', open: true }),
      expect.objectContaining({ consignmentId: first.consignmentId, code: 'SOURCE_SHORTFALL', raisedAt: '2025-03-02T08:00:00.000Z' }),
    ]);
    expect((await list({ open: false })).items).toEqual([
      expect.objectContaining({ consignmentId: first.consignmentId, code: 'LOW_YIELD', clearedAt: '2025-03-04T08:00:00.000Z', open: false }),
    ]);
  });

  it('filters by code and by severity', async () => {
    expect(await keysOf({ code: 'SOURCE_SHORTFALL' })).toEqual([`${first.consignmentId}/SOURCE_SHORTFALL`]);
    expect(await keysOf({ severity: 'critical' })).toEqual([`${second.consignmentId}/END_USE_VIOLATION`]);
    expect(await keysOf({ code: 'LOW_YIELD', open: false })).toEqual([`${first.consignmentId}/LOW_YIELD`]);
    expect(await keysOf({ code: 'WEIGHT_DISCREPANCY' })).toEqual([]);
  });

  it('pages with the cursor, two flags raised at the same instant apart by their place in the document', async () => {
    const one = await list({}, 1);
    const two = await list({}, 1, one.nextCursor!);
    const three = await list({}, 1, two.nextCursor!);
    expect([one, two, three].map((page) => page.items[0].code)).toEqual(['END_USE_VIOLATION', 'LOW_YIELD', 'SOURCE_SHORTFALL']);
    expect(three.nextCursor).toBeNull();
    // The cleared LOW_YIELD was raised at the same instant, earlier in the document: it comes after the open one.
    expect((await list({ open: false }, 1, two.nextCursor!)).items).toEqual([
      expect.objectContaining({ consignmentId: first.consignmentId, code: 'LOW_YIELD', clearedAt: '2025-03-04T08:00:00.000Z' }),
    ]);
  });

  it('shows every organisation to the officials', async () => {
    const auditor: Actor = { sub: 'a', role: 'auditor' };
    const page = await handler.execute(new ListFlagsQuery({ open: true, code: 'SOURCE_SHORTFALL' }, auditor, 200));
    expect(page.items.map((item) => item.exporterOrg)).toEqual(expect.arrayContaining([org, `${org}-other`]));
  });
});
