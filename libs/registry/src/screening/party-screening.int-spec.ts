import type { RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { openTestDataSource, recordedStream } from '@ree/testing';
import { DataSource } from 'typeorm';
import { OWNERSHIP_ENDED, OWNERSHIP_RECORDED, type OwnershipEvent } from '../ownership/ownership.events';
import { ownershipStreamId } from '../ownership/ownership.stream';
import { OwnershipProjection } from '../projections/ownership.projection';
import { REGISTRY_READ_MODELS } from '../projections/read-models';
import { RestrictedListProjection } from '../projections/restricted-list.projection';
import { RestrictedPartyProjection } from '../projections/restricted-party.projection';
import { CONTROL_LIST_ID, REFERENCE_LISTS, WATCH_LIST_ID } from '../restricted-list/reference-lists';
import { RESTRICTED_LIST_DEFINED } from '../restricted-list/restricted-list.events';
import { restrictedListStreamId } from '../restricted-list/restricted-list.stream';
import { RESTRICTED_PARTY_LISTED } from '../restricted-party/restricted-party.events';
import { restrictedPartyStreamId } from '../restricted-party/restricted-party.stream';
import { PartyScreening } from './party-screening';
import { RegistryPartyScreening } from './registry-party-screening';
import { ScreeningService } from './screening.service';

describe('PartyScreening against the database: the lists and the ownership walk', () => {
  let dataSource: DataSource;
  let screening: PartyScreening;
  const run = randomUUID().slice(0, 8);
  const named = (name: string) => `${run} ${name}`;

  const project = (projection: { handle(events: readonly RecordedEvent[], tx: never): Promise<void> }, events: readonly RecordedEvent[]) =>
    dataSource.transaction((tx) => projection.handle(events, tx as never));

  async function listed(name: string, listId: string, country = 'RU'): Promise<string> {
    const partyId = randomUUID();
    const data = { partyId, name, aliases: [], country, reason: 'test', listReference: 'T-1', listId };
    await project(new RestrictedPartyProjection(), recordedStream(restrictedPartyStreamId(partyId), [{ type: RESTRICTED_PARTY_LISTED, data }]));
    return partyId;
  }

  async function owns(owner: [string, string], sharePercent: number, owned: [string, string], ended = false): Promise<string> {
    const factId = randomUUID();
    const events: OwnershipEvent[] = [
      {
        type: OWNERSHIP_RECORDED,
        data: { factId, owner: { name: owner[0], country: owner[1] }, owned: { name: owned[0], country: owned[1] }, sharePercent, source: 'register', asOf: '2026-10-01' },
      },
      ...(ended ? [{ type: OWNERSHIP_ENDED, data: { endedOn: '2026-11-01', reason: 'sold' } } as const] : []),
    ];
    await project(new OwnershipProjection(), recordedStream(ownershipStreamId(factId), events));
    return factId;
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource(REGISTRY_READ_MODELS);
    screening = new RegistryPartyScreening(new ScreeningService(dataSource));
    for (const list of REFERENCE_LISTS) {
      await project(new RestrictedListProjection(), recordedStream(restrictedListStreamId(list.listId), [{ type: RESTRICTED_LIST_DEFINED, data: list }]));
    }
  });
  afterAll(() => dataSource.destroy());

  it('a consignee owned 60 % by a company owned 55 % by a Watch-List party matches, with the chain', async () => {
    const partyId = await listed(named('Volga Magnet Holding'), WATCH_LIST_ID);
    await owns([named('Volga Magnet Holding'), 'RU'], 55, [named('Caspian Trading'), 'AE']);
    await owns([named('Caspian Trading'), 'AE'], 60, [named('Hanse Magnetics GmbH'), 'DE']);

    const result = await screening.screenParty({ name: named('Hanse Magnetics GmbH'), country: 'DE' });

    expect(result.matches).toEqual([
      {
        partyId,
        partyName: named('Volga Magnet Holding'),
        listId: WATCH_LIST_ID,
        listName: 'Watch List (关注名单)',
        consequence: 'licence-required',
        score: 1,
        chain: [
          { owner: named('Caspian Trading'), owned: named('Hanse Magnetics GmbH'), sharePercent: 60 },
          { owner: named('Volga Magnet Holding'), owned: named('Caspian Trading'), sharePercent: 55 },
        ],
      },
    ]);
    expect(result.listPosition === null || typeof result.listPosition === 'string').toBe(true);
  });

  it('49 % at one link does not match', async () => {
    await listed(named('Ural Rare Metals'), WATCH_LIST_ID);
    await owns([named('Ural Rare Metals'), 'RU'], 49, [named('Baltic Alloys'), 'LV']);
    await owns([named('Baltic Alloys'), 'LV'], 60, [named('Rhein Sinter GmbH'), 'DE']);

    expect((await screening.screenParty({ name: named('Rhein Sinter GmbH'), country: 'DE' })).matches).toEqual([]);
  });

  it('an ended fact leaves the walk; the same name in another country is another company', async () => {
    await listed(named('Amur Defence Works'), CONTROL_LIST_ID);
    await owns([named('Amur Defence Works'), 'RU'], 100, [named('Ostsee Trading GmbH'), 'DE'], true);
    await owns([named('Amur Defence Works'), 'RU'], 100, [named('Ostsee Trading GmbH'), 'AT']);

    expect((await screening.screenParty({ name: named('Ostsee Trading GmbH'), country: 'DE' })).matches).toEqual([]);
    expect((await screening.screenParty({ name: named('Ostsee Trading GmbH'), country: 'AT' })).matches).toMatchObject([
      { listId: CONTROL_LIST_ID, consequence: 'refuse', chain: [{ owner: named('Amur Defence Works'), sharePercent: 100 }] },
    ]);
  });

  it('a direct match on the name carries no chain, and owners are matched by skeleton (case, legal form)', async () => {
    const direct = await listed(named('Kolyma Magnet Export'), CONTROL_LIST_ID);
    const owner = await listed(named('Taiga Holding'), WATCH_LIST_ID);
    await owns([named('TAIGA HOLDING LLC').toUpperCase(), 'RU'], 75, [named('Kolyma Magnet Export'), 'RU']);

    const { matches } = await screening.screenParty({ name: named('Kolyma Magnet Export'), country: 'RU' });
    expect(matches.map(({ partyId, chain }) => [partyId, chain.length])).toEqual([
      [direct, 0],
      [owner, 1],
    ]);
  });

  it('a cycle in the registry ends', async () => {
    await owns([named('Loop A'), 'CY'], 60, [named('Loop B'), 'CY']);
    await owns([named('Loop B'), 'CY'], 60, [named('Loop A'), 'CY']);
    expect((await screening.screenParty({ name: named('Loop A'), country: 'CY' })).matches).toEqual([]);
  });
});
