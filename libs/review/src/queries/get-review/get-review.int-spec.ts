import { type Actor, NotFound } from '@ree/shared-kernel';
import { openTestDataSource } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { consignmentRow, flagEntry, insertConsignment } from '../../testing/review-rows';
import { GetReviewHandler } from './get-review.handler';
import { GetReviewQuery } from './get-review.query';

describe('the review document (GetReviewHandler)', () => {
  let dataSource: DataSource;
  let handler: GetReviewHandler;
  const org = `org-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    handler = new GetReviewHandler(dataSource);
  });
  afterAll(() => dataSource.destroy());

  const read = (consignmentId: string, viewer: Actor) => handler.execute(new GetReviewQuery(consignmentId, viewer));

  it('answers the document as the projection stored it, to every official and to the exporter that owns it', async () => {
    const row = await insertConsignment(
      dataSource,
      consignmentRow({ exporterOrg: org, flags: [flagEntry('LOW_YIELD', 'medium', '2025-03-02T08:00:00.000Z', '2025-03-03T08:00:00.000Z', 'LOW_YIELD:s1')] }),
    );
    for (const viewer of [{ sub: 'a', role: 'auditor' }, { sub: 'c', role: 'customs-agent' }, { sub: 'e', role: 'exporter', org }]) {
      expect(await read(row.consignmentId, viewer)).toMatchObject({
        consignmentId: row.consignmentId,
        exporterOrg: org,
        quantityKg: 12000,
        flags: [{ code: 'LOW_YIELD', key: 'LOW_YIELD:s1', clearedAt: '2025-03-03T08:00:00.000Z' }],
        stages: { mining: { status: 'pending' } },
      });
    }
  });

  it("answers another organisation's consignment as one that does not exist", async () => {
    const row = await insertConsignment(dataSource, consignmentRow({ exporterOrg: org }));
    await expect(read(row.consignmentId, { sub: 'e', role: 'exporter', org: 'org-someone-else' })).rejects.toBeInstanceOf(NotFound);
    await expect(read(randomUUID(), { sub: 'a', role: 'auditor' })).rejects.toBeInstanceOf(NotFound);
  });
});
