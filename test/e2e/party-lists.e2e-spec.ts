import type { Role } from '@ree/platform/auth';
import { CONTROL_LIST_ID, UNRELIABLE_ENTITY_LIST_ID, WATCH_LIST_ID } from '@ree/registry';
import { eventually } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { anApplication } from '../support/consignment-api';
import { startTestApp, TestApp } from '../support/test-app';

const OFFICER: Role = 'licensing-officer';

/** A made-up word per name, so that no other spec's party or licence in the shared test database resembles these. */
const unique = (words: string): string => `${randomUUID().replace(/[^a-f]/g, '').slice(0, 6)}x ${words}`;

describe('restricted lists with consequences and the ownership registry over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const bearer = (role: Role) => `Bearer ${app.token(role, role === 'exporter' ? 'org-e2e-party-lists' : undefined)}`;
  const post = (path: string, body: object, role: Role = OFFICER) => app.http().post(`/api/v1${path}`).set('Authorization', bearer(role)).send(body);
  const get = (path: string, role: Role = OFFICER) => app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));

  async function listed(name: string, listId?: string): Promise<string> {
    const response = await post('/restricted-parties', { name, country: 'RU', reason: 'e2e', listReference: 'E2E-1', ...(listId ? { listId } : {}) });
    expect(response.status).toBe(201);
    await app.waitForPosition(response.body.position);
    return response.body.id;
  }

  async function owns(owner: [string, string], sharePercent: number, owned: [string, string]): Promise<string> {
    const response = await post('/ownership', {
      owner: { name: owner[0], country: owner[1] },
      owned: { name: owned[0], country: owned[1] },
      sharePercent,
      source: 'Register extract E2E',
      asOf: '2026-10-01',
    });
    expect(response.status).toBe(201);
    await app.waitForPosition(response.body.position);
    return response.body.id;
  }

  const screen = async (name: string, country: string) => {
    const response = await get(`/screening?name=${encodeURIComponent(name)}&country=${country}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('the Control List, the Watch List and the Unreliable Entity List are there from the first start; an officer defines another', async () => {
    // Defined at start by the API and the worker; the lists' read model shows them once the worker has projected them.
    await eventually(async () => (await get('/restricted-lists', 'auditor')).body.items?.length >= 3);
    const reference = await get('/restricted-lists', 'auditor');
    expect(reference.status).toBe(200);
    expect(reference.body.items.slice(0, 3).map(({ listId, consequence, reference }: Record<string, unknown>) => [listId, consequence, reference])).toEqual([
      [CONTROL_LIST_ID, 'refuse', true],
      [WATCH_LIST_ID, 'licence-required', true],
      [UNRELIABLE_ENTITY_LIST_ID, 'refuse', true],
    ]);

    const name = unique('Magnet brokers under observation');
    const defined = await post('/restricted-lists', { name, description: 'Brokers seen re-exporting magnets', consequence: 'flag' });
    expect(defined.status).toBe(201);
    await app.waitForPosition(defined.body.position);
    const lists = (await get('/restricted-lists')).body.items;
    expect(lists).toContainEqual(expect.objectContaining({ listId: defined.body.id, name, consequence: 'flag', reference: false }));

    expect((await post('/restricted-lists', { name, description: 'x', consequence: 'ban' })).status).toBe(400);
    expect((await post('/restricted-lists', { name, description: 'x', consequence: 'flag' }, 'exporter')).status).toBe(403);
  });

  it('a party goes on a list (the Unreliable Entity List by default); an unknown list is refused', async () => {
    const onWatchList = unique('Volga Magnet Holding');
    const partyId = await listed(onWatchList, WATCH_LIST_ID);
    const byDefault = unique('Kama Alloys');
    await listed(byDefault);

    const parties = (await get(`/restricted-parties?query=${encodeURIComponent(onWatchList)}`)).body.items;
    expect(parties[0]).toMatchObject({ partyId, listId: WATCH_LIST_ID, listName: 'Watch List (关注名单)', consequence: 'licence-required' });
    expect((await screen(byDefault, 'RU')).matches[0]).toMatchObject({ listId: UNRELIABLE_ENTITY_LIST_ID, consequence: 'refuse', chain: [] });

    const unknown = await post('/restricted-parties', { name: unique('Nobody'), country: 'RU', reason: 'e2e', listReference: 'E2E', listId: randomUUID() });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'restricted-list-unknown']);
  });

  it('a consignee owned 60 % by a company owned 55 % by a Watch-List party matches with the chain; 49 % does not; an ended fact leaves the walk', async () => {
    const [party, middle, consignee] = [unique('Ural Rare Metals'), unique('Caspian Trading FZE'), unique('Hanse Magnetics GmbH')];
    const partyId = await listed(party, WATCH_LIST_ID);
    const upper = await owns([party, 'RU'], 55, [middle, 'AE']);
    await owns([middle, 'AE'], 60, [consignee, 'DE']);
    const minority = unique('Rhein Sinter GmbH');
    await owns([middle, 'AE'], 49, [minority, 'DE']);

    const screening = await screen(consignee, 'DE');
    expect(screening.matches).toEqual([
      expect.objectContaining({
        partyId,
        name: party,
        listId: WATCH_LIST_ID,
        listName: 'Watch List (关注名单)',
        consequence: 'licence-required',
        score: 1,
        chain: [
          { owner: middle, owned: consignee, sharePercent: 60 },
          { owner: party, owned: middle, sharePercent: 55 },
        ],
      }),
    ]);
    expect(screening.listPosition).toEqual(expect.any(String));
    expect((await screen(minority, 'DE')).matches).toEqual([]);
    expect((await screen(consignee, 'AT')).matches).toEqual([]);

    const facts = await get(`/ownership?company=${encodeURIComponent(middle)}&country=AE`, 'customs-agent');
    expect(facts.status).toBe(200);
    expect(facts.body.items).toHaveLength(3);

    const ended = await post(`/ownership/${upper}/end`, { endedOn: '2026-11-15', reason: 'shares sold' });
    expect(ended.status).toBe(200);
    await app.waitForPosition(ended.body.position);
    expect((await screen(consignee, 'DE')).matches).toEqual([]);
    expect((await get(`/ownership?company=${encodeURIComponent(party)}&status=ended`)).body.items).toEqual([
      expect.objectContaining({ factId: upper, status: 'ended', endedOn: '2026-11-15', endReason: 'shares sold', sharePercent: 55 }),
    ]);
  });

  it('a licence whose consignee a Watch-List party owns through a chain is not approved (restricted-party-match), the chain in the detail', async () => {
    const [party, consignee] = [unique('Amur Defence Works'), unique('Ostsee Components GmbH')];
    await listed(party, WATCH_LIST_ID);
    await owns([party, 'RU'], 75, [consignee, 'DE']);
    const applied = await post('/licences', anApplication({ consignee: { name: consignee, country: 'DE', address: 'Hafenstraße 1, Kiel' } }), 'exporter');
    expect(applied.status).toBe(201);

    const approval = await post(`/licences/${applied.body.id}/approve`, { validFrom: '2026-01-01', validUntil: '2099-12-31', conditions: [] });
    expect([approval.status, approval.body.code]).toEqual([422, 'restricted-party-match']);
    expect(approval.body.detail).toContain(`owned through ${party} 75 %`);

    await app.waitForPosition(applied.body.position);
    const licence = (await get(`/licences/${applied.body.id}`)).body;
    expect(licence.screening.matches).toEqual([
      expect.objectContaining({ field: 'consignee', listId: WATCH_LIST_ID, consequence: 'licence-required', chain: [{ owner: party, owned: consignee, sharePercent: 75 }] }),
    ]);
  });

  it('refuses bad ownership facts: a share outside (0, 100], a company owning itself, an end before its start; exporters may not record', async () => {
    const fact = { owner: { name: unique('A Holding'), country: 'CY' }, owned: { name: unique('B Trading'), country: 'CY' }, source: 'x', asOf: '2026-10-01' };
    for (const sharePercent of [0, -5, 100.5, 33.333, 5e-324, 1e21, '60']) expect((await post('/ownership', { ...fact, sharePercent })).status).toBe(400);
    const itself = await post('/ownership', { ...fact, owned: { ...fact.owner, name: fact.owner.name.toUpperCase() }, sharePercent: 60 });
    expect([itself.status, itself.body.code]).toEqual([422, 'ownership-of-itself']);
    expect((await post('/ownership', { ...fact, sharePercent: 60 }, 'exporter')).status).toBe(403);

    const recorded = await post('/ownership', { ...fact, sharePercent: 100 });
    const early = await post(`/ownership/${recorded.body.id}/end`, { endedOn: '2026-09-30', reason: 'wrong' });
    expect([early.status, early.body.code]).toEqual([422, 'ownership-ended-before-start']);
  });
});
