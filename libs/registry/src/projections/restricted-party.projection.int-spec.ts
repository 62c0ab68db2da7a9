import type { RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { openTestDataSource, recordedStream } from '@ree/testing';
import { DataSource } from 'typeorm';
import { RESTRICTED_PARTY_DELISTED, RESTRICTED_PARTY_LISTED } from '../restricted-party/restricted-party.events';
import { restrictedPartyStreamId } from '../restricted-party/restricted-party.stream';
import { REGISTRY_READ_MODELS } from './read-models';
import { RestrictedPartyProjection } from './restricted-party.projection';

const listing = (partyId: string) =>
  ({
    type: RESTRICTED_PARTY_LISTED,
    data: {
      partyId,
      name: 'Société Générale des Terres Rares S.A.',
      aliases: ['SGTR', 'Terres Rares Générale', 'SGTR'],
      country: 'FR',
      reason: 'Diversion to a restricted end use',
      listReference: 'UEL-2025-7',
    },
  }) as const;
const delisting = { type: RESTRICTED_PARTY_DELISTED, data: { reason: 'appeal granted' } } as const;

describe('the restricted-party projection', () => {
  let dataSource: DataSource;
  const projection = new RestrictedPartyProjection();

  beforeAll(async () => {
    dataSource = await openTestDataSource(REGISTRY_READ_MODELS);
  });
  afterAll(() => dataSource.destroy());

  const project = (events: readonly RecordedEvent[]) => dataSource.transaction((tx) => projection.handle(events, tx));
  const rowsOf = async (partyId: string) => ({
    party: await dataSource.query(
      `SELECT name, aliases, country, status, delisting_reason FROM registry.restricted_parties WHERE party_id = $1`,
      [partyId],
    ),
    names: await dataSource.query(
      `SELECT name, normalised, is_alias FROM registry.restricted_party_names WHERE party_id = $1 ORDER BY name`,
      [partyId],
    ),
  });

  it('stores the party and every name and alias once, normalised', async () => {
    const partyId = randomUUID();
    await project(recordedStream(restrictedPartyStreamId(partyId), [listing(partyId)]));

    expect(await rowsOf(partyId)).toEqual({
      party: [{ name: 'Société Générale des Terres Rares S.A.', aliases: ['SGTR', 'Terres Rares Générale', 'SGTR'], country: 'FR', status: 'listed', delisting_reason: null }],
      names: [
        { name: 'SGTR', normalised: 'sgtr', is_alias: true },
        { name: 'Société Générale des Terres Rares S.A.', normalised: 'des generale rares societe terres', is_alias: false },
        { name: 'Terres Rares Générale', normalised: 'generale rares terres', is_alias: true },
      ],
    });
  });

  it('marks a delisted party, and a replay of its listing does not list it again', async () => {
    const partyId = randomUUID();
    const history = recordedStream(restrictedPartyStreamId(partyId), [listing(partyId), delisting]);
    await project(history);
    const once = await rowsOf(partyId);

    await project(history);
    await project(history.slice(0, 1));

    expect(once.party[0]).toMatchObject({ status: 'delisted', delisting_reason: 'appeal granted' });
    expect(await rowsOf(partyId)).toEqual(once);
  });

  it('reset empties its tables', async () => {
    const partyId = randomUUID();
    await project(recordedStream(restrictedPartyStreamId(partyId), [listing(partyId)]));
    const counts = await dataSource
      .transaction(async (tx) => {
        await projection.reset(tx);
        const rows: Array<{ n: string }> = await tx.query(
          `SELECT (SELECT count(*) FROM registry.restricted_parties) + (SELECT count(*) FROM registry.restricted_party_names) AS n`,
        );
        // Rolled back so that the other suites sharing the database keep their rows.
        throw Object.assign(new Error('rollback'), { rows });
      })
      .catch((error: { rows: Array<{ n: string }> }) => error.rows);
    expect(counts).toEqual([{ n: '0' }]);
  });
});
