import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestDataSource, recordedStream } from '@ree/testing';
import { DataSource } from 'typeorm';
import { REGISTRY_READ_MODELS } from '../projections/read-models';
import { RestrictedPartyProjection } from '../projections/restricted-party.projection';
import { RESTRICTED_PARTY_LISTED } from '../restricted-party/restricted-party.events';
import { restrictedPartyStreamId } from '../restricted-party/restricted-party.stream';
import { DEFAULT_SCREENING_THRESHOLD, ScreeningService } from './screening.service';

interface TestSet {
  readonly listed: ReadonlyArray<{ name: string; aliases: string[]; country: string }>;
  readonly evasions: ReadonlyArray<{ of: string; technique: string; name: string }>;
  readonly legitimate: ReadonlyArray<{ country: string; name: string }>;
}

/** The test set: evasions of listed names and legitimate companies (test-set/look-alikes.json). */
const TEST_SET: TestSet = JSON.parse(readFileSync(join(__dirname, 'test-set', 'look-alikes.json'), 'utf8'));

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)} %`;

describe('screening against look-alike names (the test set)', () => {
  let dataSource: DataSource;
  let screening: ScreeningService;
  /** Listed name → party id: only this spec's parties count, whatever else the test database lists. */
  const partyIds = new Map<string, string>();

  beforeAll(async () => {
    dataSource = await openTestDataSource(REGISTRY_READ_MODELS);
    screening = new ScreeningService(dataSource);
    for (const party of TEST_SET.listed) {
      const partyId = randomUUID();
      const data = { partyId, ...party, reason: 'test set', listReference: 'UEL-LOOK-ALIKES' };
      await dataSource.transaction((tx) =>
        new RestrictedPartyProjection().handle(recordedStream(restrictedPartyStreamId(partyId), [{ type: RESTRICTED_PARTY_LISTED, data }]), tx),
      );
      partyIds.set(party.name, partyId);
    }
  });
  afterAll(() => dataSource.destroy());

  const ourMatches = async (name: string) =>
    (await screening.screen(name)).matches.filter((match) => [...partyIds.values()].includes(match.partyId));

  it('holds at least 50 evasions and 200 legitimate names from several countries', () => {
    expect(TEST_SET.evasions.length).toBeGreaterThanOrEqual(50);
    expect(TEST_SET.legitimate.length).toBeGreaterThanOrEqual(200);
    expect(new Set(TEST_SET.legitimate.map((company) => company.country)).size).toBeGreaterThanOrEqual(8);
  });

  it('matches every evasion to the party it imitates, at or above the threshold', async () => {
    const missed: string[] = [];
    for (const evasion of TEST_SET.evasions) {
      const match = (await ourMatches(evasion.name)).find((found) => found.partyId === partyIds.get(evasion.of));
      if (!match || match.score < DEFAULT_SCREENING_THRESHOLD) missed.push(`${evasion.technique}: ${JSON.stringify(evasion.name)} (${match?.score ?? 0})`);
    }
    const caught = TEST_SET.evasions.length - missed.length;
    console.log(`Evasion catch rate: ${caught}/${TEST_SET.evasions.length} = ${percent(caught, TEST_SET.evasions.length)}`);
    expect(missed).toEqual([]);
  });

  it('matches none of the legitimate names', async () => {
    const falsePositives: string[] = [];
    for (const company of TEST_SET.legitimate) {
      const matches = await ourMatches(company.name);
      if (matches.length > 0) falsePositives.push(`${company.name} ~ ${matches[0].name} (${matches[0].score})`);
    }
    console.log(`False-positive rate: ${falsePositives.length}/${TEST_SET.legitimate.length} = ${percent(falsePositives.length, TEST_SET.legitimate.length)}`);
    expect(falsePositives).toEqual([]);
  });

  it('records the skeletons it compared: the screened name and the listed one', async () => {
    const result = await screening.screen('Кеstrel Аerospace Alloys GmbH');
    expect(result.skeleton).toBe('kestrel aerospace alloys');
    expect(result.matches).toContainEqual(
      expect.objectContaining({
        partyId: partyIds.get('Kestrel Aerospace Alloys GmbH'),
        matchedName: 'Kestrel Aerospace Alloys GmbH',
        matchedSkeleton: 'kestrel aerospace alloys',
        score: 1,
      }),
    );
  });
});
