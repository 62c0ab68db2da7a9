import { randomUUID } from 'node:crypto';
import { nameSkeleton, REGISTRY_READ_MODELS, RESTRICTED_PARTY_LISTED, RestrictedPartyProjection, restrictedPartyStreamId, skeletonKeys } from '@ree/registry';
import { openTestDataSource, recordedStream } from '@ree/testing';
import type { DataSource } from 'typeorm';
import { storeSkeletons } from '../../infra/migrations/support/screening-skeletons';

/** The skeletons of listed names are stored, by the projection and by the migrations that (re)compute them, alike. */
describe('the stored skeletons of listed names', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource(REGISTRY_READ_MODELS);
  });
  afterAll(() => dataSource.destroy());

  const rowsOf = (partyId: string): Promise<Array<{ name: string; skeleton: string; skeleton_sorted: string; skeleton_compact: string }>> =>
    dataSource.query(`SELECT name, skeleton, skeleton_sorted, skeleton_compact FROM registry.restricted_party_names WHERE party_id = $1 ORDER BY name`, [partyId]);
  const expected = (name: string) => {
    const skeleton = nameSkeleton(name);
    const { sorted, compact } = skeletonKeys(skeleton);
    return { name, skeleton, skeleton_sorted: sorted, skeleton_compact: compact };
  };

  it('are written by the projection when a party is listed, and recomputed in place by the migrations, to the same values', async () => {
    const partyId = randomUUID();
    const data = { partyId, name: 'Kestrel Aerospace Alloys GmbH', aliases: ['Kestrel AA'], country: 'DE', reason: 'test', listReference: 'UEL-SKEL' };
    await dataSource.transaction((tx) =>
      new RestrictedPartyProjection().handle(recordedStream(restrictedPartyStreamId(partyId), [{ type: RESTRICTED_PARTY_LISTED, data }]), tx),
    );
    const projected = await rowsOf(partyId);
    expect(projected).toEqual([expected('Kestrel AA'), expected('Kestrel Aerospace Alloys GmbH')]);

    // As left by an older confusables table: a migration that ships a new one recomputes them.
    await dataSource.query(`UPDATE registry.restricted_party_names SET skeleton = 'stale', skeleton_sorted = 'stale', skeleton_compact = 'stale' WHERE party_id = $1`, [partyId]);
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await storeSkeletons(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await rowsOf(partyId)).toEqual(projected);
  });
});
