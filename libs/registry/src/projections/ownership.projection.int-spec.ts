import type { RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { openTestDataSource, recordedStream } from '@ree/testing';
import { DataSource } from 'typeorm';
import { companyKey } from '../ownership/ownership-walk';
import { OWNERSHIP_ENDED, OWNERSHIP_RECORDED } from '../ownership/ownership.events';
import { ownershipStreamId } from '../ownership/ownership.stream';
import { OwnershipProjection } from './ownership.projection';
import { REGISTRY_READ_MODELS } from './read-models';

describe('the ownership projection', () => {
  let dataSource: DataSource;
  const projection = new OwnershipProjection();

  beforeAll(async () => {
    dataSource = await openTestDataSource(REGISTRY_READ_MODELS);
  });
  afterAll(() => dataSource.destroy());

  const project = (events: readonly RecordedEvent[]) => dataSource.transaction((tx) => projection.handle(events, tx));
  const rowOf = async (factId: string) =>
    dataSource.query(
      `SELECT owner_key, owned_key, share_percent::text AS share, to_char(as_of, 'YYYY-MM-DD') AS as_of, status, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, end_reason
         FROM registry.ownership_facts WHERE fact_id = $1`,
      [factId],
    );

  it('stores a fact with both companies\' keys, marks it ended, and a replay changes nothing', async () => {
    const factId = randomUUID();
    const owner = { name: 'Кestrel Holdings Ltd', country: 'GB' };
    const owned = { name: 'Kestrel Magnet Trading GmbH', country: 'DE' };
    const history = recordedStream(ownershipStreamId(factId), [
      { type: OWNERSHIP_RECORDED, data: { factId, owner, owned, sharePercent: 50.5, source: 'register', asOf: '2026-10-01' } },
      { type: OWNERSHIP_ENDED, data: { endedOn: '2026-11-15', reason: 'sold' } },
    ]);

    await project(history.slice(0, 1));
    expect(await rowOf(factId)).toEqual([
      { owner_key: companyKey(owner), owned_key: companyKey(owned), share: '50.50', as_of: '2026-10-01', status: 'in-force', ended_on: null, end_reason: null },
    ]);
    expect(companyKey(owner)).toBe('GB|holdlngs kestrel'); // the skeleton: i and l are one letter, the Cyrillic К a K

    await project(history);
    const ended = await rowOf(factId);
    await project(history);
    await project(history.slice(0, 1));
    expect(ended[0]).toMatchObject({ status: 'ended', ended_on: '2026-11-15', end_reason: 'sold' });
    expect(await rowOf(factId)).toEqual(ended);
  });
});
