import { randomUUID } from 'node:crypto';
import { openTestDataSource, recordedStream } from '@ree/testing';
import { DataSource } from 'typeorm';
import { REGISTRY_READ_MODELS } from '../projections/read-models';
import { RESTRICTED_PARTY_PROJECTION, RestrictedPartyProjection } from '../projections/restricted-party.projection';
import { RESTRICTED_PARTY_DELISTED, RESTRICTED_PARTY_LISTED, RestrictedPartyEvent } from '../restricted-party/restricted-party.events';
import { restrictedPartyStreamId } from '../restricted-party/restricted-party.stream';
import { UNRELIABLE_ENTITY_LIST_ID } from '../restricted-list/reference-lists';
import { OWNERSHIP_PROJECTION } from '../projections/ownership.projection';
import { DEFAULT_SCREENING_THRESHOLD, SCREENING_ALGORITHM, ScreeningService } from './screening.service';

describe('screening a name against the restricted list', () => {
  let dataSource: DataSource;
  let screening: ScreeningService;
  const parties: Record<string, string> = {};

  async function list(name: string, aliases: string[] = [], country = 'US', delisted = false): Promise<string> {
    const partyId = randomUUID();
    const events: RestrictedPartyEvent[] = [
      { type: RESTRICTED_PARTY_LISTED, data: { partyId, name, aliases, country, reason: 'test', listReference: 'UEL-T' } },
      ...(delisted ? [{ type: RESTRICTED_PARTY_DELISTED, data: { reason: 'appeal granted' } } as const] : []),
    ];
    await dataSource.transaction((tx) => new RestrictedPartyProjection().handle(recordedStream(restrictedPartyStreamId(partyId), events), tx));
    return partyId;
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource(REGISTRY_READ_MODELS);
    screening = new ScreeningService(dataSource);
    parties.sgtr = await list('Société Générale des Terres Rares S.A.', [], 'FR');
    parties.huntington = await list('Huntington Ingalls Industries, Inc.', ['HII']);
    parties.shenghe = await list('Shenghe Resources Holding Co., Ltd.', ['Shenghe Resources'], 'CN');
    parties.kuzbass = await list('Kuzbass Magnet Works JSC', [], 'RU');
    parties.northern = await list('Qingdao Northern Rare Earth Trading Co., Ltd.', [], 'CN');
    parties.delisted = await list('Vardenfeld Precision Magnetics GmbH', [], 'DE', true);
  });
  afterAll(() => dataSource.destroy());

  const scoreOf = async (name: string, partyId: string) =>
    (await screening.screen(name)).matches.find((match) => match.partyId === partyId)?.score ?? 0;

  it.each([
    ['accents', 'Societe Generale des Terres Rares', 'sgtr'],
    ['case', 'SOCIÉTÉ GÉNÉRALE DES TERRES RARES', 'sgtr'],
    ['punctuation', 'Huntington-Ingalls Industries', 'huntington'],
    ['word order', 'Terres Rares, Société Générale des', 'sgtr'],
    ['a missing legal form', 'Kuzbass Magnet Works', 'kuzbass'],
    ['another legal form', 'Kuzbass Magnet Works LLC', 'kuzbass'],
    ['a legal form written first', 'JSC Kuzbass Magnet Works', 'kuzbass'],
    ['Co., Ltd. against Ltd', 'Shenghe Resources Holding Ltd', 'shenghe'],
  ])('%s does not hide a match', async (_, name, party) => {
    expect(await scoreOf(name, parties[party])).toBe(1);
  });

  it.each([
    ['a one-letter typo', 'Huntington Ingals Industries', 'huntington'],
    ['a transliteration variant', 'Kuzbas Magnet Works', 'kuzbass'],
    ['a dropped word that an alias covers', 'Shenghe Resources Co., Ltd.', 'shenghe'],
  ])('%s still matches', async (_, name, party) => {
    expect(await scoreOf(name, parties[party])).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  });

  it.each([
    ['another company of the same group name', 'Shenghe Logistics Co., Ltd.', 'shenghe'],
    ['another industry word', 'Huntington Bancshares Inc.', 'huntington'],
    ['another city, same generic words', 'Baotou Northern Rare Earth Trading Co., Ltd.', 'northern'],
  ])('a near-miss (%s) scores below the threshold', async (_, name, party) => {
    const { matches } = await screening.screen(name);
    expect(matches.find((match) => match.partyId === parties[party])).toBeUndefined();
  });

  it.each([
    ['Cyrillic look-alike letters', 'Кuzbаss Mаgnеt Works'],
    ['a zero-width space', 'Kuz\u200bbass Magnet Works'],
    ['letters spaced out', 'K u z b a s s Magnet Works'],
    ['leetspeak', 'Kuzb@ss M4gn3t W0rks'],
  ])('%s do not hide a match', async (_, name) => {
    expect(await scoreOf(name, parties.kuzbass)).toBe(1);
  });

  it('does not match a delisted party', async () => {
    expect(await scoreOf('Vardenfeld Precision Magnetics', parties.delisted)).toBe(0);
  });

  it('names the matched alias, the party, the algorithm, the threshold and the list position it used', async () => {
    // The earliest of the restricted-party and ownership projections' checkpoints (a projection that never ran has none).
    const [checkpoint] = await dataSource.query(
      `SELECT min(checkpoint::numeric)::text AS checkpoint FROM projections.checkpoints WHERE name = ANY($1) AND checkpoint IS NOT NULL`,
      [[RESTRICTED_PARTY_PROJECTION, OWNERSHIP_PROJECTION]],
    );
    const result = await screening.screen('H.I.I.', { country: 'US' });

    expect(result).toMatchObject({
      name: 'H.I.I.',
      skeleton: 'hll',
      country: 'US',
      threshold: DEFAULT_SCREENING_THRESHOLD,
      algorithm: SCREENING_ALGORITHM,
      listPosition: checkpoint?.checkpoint ?? null,
    });
    expect(result.matches).toContainEqual({
      partyId: parties.huntington,
      name: 'Huntington Ingalls Industries, Inc.',
      matchedName: 'HII',
      matchedSkeleton: 'hll',
      country: 'US',
      score: 1,
      // Listed without a list id, as before there were lists: the Unreliable Entity List.
      listId: UNRELIABLE_ENTITY_LIST_ID,
      listName: 'Unreliable Entity List (不可靠实体清单)',
      consequence: 'refuse',
      chain: [],
    });
  });

  it('sorts matches by score, best first', async () => {
    const { matches } = await screening.screen('Huntington Ingals Industries');
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.map((match) => match.score)).toEqual([...matches.map((match) => match.score)].sort((a, b) => b - a));
  });
});
