import type { Role } from '@ree/platform/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { randomUUID } from 'node:crypto';

const OFFICER: Role = 'licensing-officer';
const NOT_OFFICERS: Role[] = ['exporter', 'customs-agent', 'auditor', 'admin'];

const aMine = () => ({
  name: `Bayan Obo East ${randomUUID().slice(0, 8)}`,
  operator: 'Baotou Steel Rare-Earth Hi-Tech Co., Ltd.',
  region: 'Inner Mongolia',
  country: 'CN',
  miningLicenceNo: 'C1500002011071120113924',
  depositType: 'bastnaesite',
});

describe('registries over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const bearer = (role: Role) => {
    const token = app.token(role, role === 'exporter' ? 'org-e2e' : undefined);
    return token.startsWith('Bearer ') ? token : `Bearer ${token}`;
  };
  const post = (path: string, body: object, role: Role = OFFICER) =>
    app.http().post(`/api/v1${path}`).set('Authorization', bearer(role)).send(body);
  const get = (path: string, role: Role = OFFICER) => app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((error) => error.field);

  async function registeredMine(): Promise<string> {
    const response = await post('/mines', aMine());
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function listedParty(name: string, aliases: string[] = []): Promise<{ id: string; position: string }> {
    const response = await post('/restricted-parties', { name, aliases, country: 'US', reason: 'e2e', listReference: 'UEL-E2E' });
    expect(response.status).toBe(201);
    return response.body;
  }

  describe('mines and quotas', () => {
    it('registers a mine, allocates quota batches that add up, and shows them to every human role', async () => {
      const mine = aMine();
      const registered = await post('/mines', mine);
      expect(registered.status).toBe(201);
      expect(registered.body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(String) });
      expect(registered.headers.location).toBe(`/api/v1/mines/${registered.body.id}`);
      const mineId = registered.body.id;

      const first = await post(`/mines/${mineId}/quotas`, { year: 2025, category: 'light', quotaKgReo: 12000000.5 });
      const second = await post(`/mines/${mineId}/quotas`, { year: 2025, category: 'light', quotaKgReo: 0.25 });
      expect([first.status, first.body.revision, second.status, second.body.revision]).toEqual([200, 1, 200, 2]);

      await app.waitForPosition(second.body.position);
      for (const role of ['exporter', OFFICER, 'customs-agent', 'auditor', 'admin'] as Role[]) {
        const response = await get(`/mines/${mineId}`, role);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ mineId, ...mine });
        expect(response.body.quotas).toEqual([
          { year: 2025, category: 'light', allocatedKgReo: 12000000.75, drawnKgReo: 0, remainingKgReo: 12000000.75, batches: 2 },
        ]);
      }
    });

    it('lists mines a page at a time', async () => {
      await registeredMine();
      const last = await post('/mines', aMine());
      await app.waitForPosition(last.body.position);

      const first = await get('/mines?limit=1', 'exporter');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = await get(`/mines?limit=1&cursor=${first.body.nextCursor}`, 'exporter');
      expect(next.body.items).toHaveLength(1);
      expect(next.body.items[0].mineId).not.toBe(first.body.items[0].mineId);
      expect((await get('/mines?cursor=not-ours')).status).toBe(400);
    });

    it('refuses malformed input with 400 naming every failing field, unknown fields included', async () => {
      const mine = await post('/mines', { country: 'XX', depositType: 'granite', colour: 'red' });
      expect(mine.status).toBe(400);
      expect(fieldsOf(mine.body)).toEqual(
        expect.arrayContaining(['name', 'operator', 'region', 'country', 'miningLicenceNo', 'depositType', 'colour']),
      );

      const mineId = await registeredMine();
      const quota = await post(`/mines/${mineId}/quotas`, { year: 1999.5, category: 'heavy', quotaKgReo: 1.0001 });
      expect(quota.status).toBe(400);
      expect(fieldsOf(quota.body)).toEqual(expect.arrayContaining(['year', 'category', 'quotaKgReo']));
      expect((await post(`/mines/${mineId}/quotas`, { year: 2101, category: 'light', quotaKgReo: 0 })).status).toBe(400);
    });

    it('answers 404 for a quota on a mine that is not registered, and for reading it', async () => {
      const unknown = randomUUID();
      const quota = await post(`/mines/${unknown}/quotas`, { year: 2025, category: 'light', quotaKgReo: 10 });
      expect(quota.status).toBe(404);
      expect((await get(`/mines/${unknown}`)).status).toBe(404);
    });

    it('answers 400 validation-failed naming the parameter for a path id that is not a UUID', async () => {
      for (const response of [await get('/mines/not-a-uuid'), await post('/mines/not-a-uuid/quotas', { year: 2025, category: 'light', quotaKgReo: 1 })]) {
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 'validation-failed', errors: [{ field: 'mineId', message: 'mineId must be a UUID' }] });
      }
    });

    it('answers 401 without a token', async () => {
      expect((await app.http().post('/api/v1/mines').send(aMine())).status).toBe(401);
      expect((await app.http().get('/api/v1/mines')).status).toBe(401);
    });

    it.each(NOT_OFFICERS)('answers 403 to %s registering a mine or allocating a quota', async (role) => {
      const mineId = await registeredMine();
      expect((await post('/mines', aMine(), role)).status).toBe(403);
      expect((await post(`/mines/${mineId}/quotas`, { year: 2025, category: 'light', quotaKgReo: 1 }, role)).status).toBe(403);
    });
  });

  describe('restricted parties and screening', () => {
    it('screens a listed party through accents, order and legal forms, and stops after its delisting', async () => {
      // One word that no legal-form list contains, so that the normaliser keeps it wherever it stands.
      const token = `q${randomUUID().replace(/[^a-f]/g, '').slice(0, 8)}`;
      const listed = await listedParty(`Société Générale des Terres Rares ${token} S.A.`, ['SGTR']);
      await app.waitForPosition(listed.position);

      const screening = await get(`/screening?name=${encodeURIComponent(`${token} terres rares generale societe des`)}&country=FR`, 'customs-agent');
      expect(screening.status).toBe(200);
      expect(screening.body).toMatchObject({ country: 'FR', threshold: expect.any(Number), algorithm: expect.any(String) });
      expect(screening.body.listPosition).toEqual(expect.any(String));
      expect(screening.body.matches).toContainEqual(expect.objectContaining({ partyId: listed.id, score: 1, country: 'US' }));

      const search = await get(`/restricted-parties?query=${encodeURIComponent(`Terres Rares ${token}`)}`, 'auditor');
      expect(search.status).toBe(200);
      expect(search.body.items[0]).toMatchObject({ partyId: listed.id, status: 'listed', aliases: ['SGTR'] });

      const delisted = await post(`/restricted-parties/${listed.id}/delist`, { reason: 'appeal granted' });
      expect([delisted.status, delisted.body.revision]).toEqual([200, 1]);
      await app.waitForPosition(delisted.body.position);
      const after = await get(`/screening?name=${encodeURIComponent(`Societe Generale des Terres Rares ${token}`)}`);
      expect(after.body.matches.map((match: { partyId: string }) => match.partyId)).not.toContain(listed.id);
    });

    it('refuses to delist a party twice, or one never listed, with 422 invalid-transition', async () => {
      const listed = await listedParty(`Vardenfeld Precision ${randomUUID().slice(0, 6)}`);
      expect((await post(`/restricted-parties/${listed.id}/delist`, { reason: 'first' })).status).toBe(200);
      const twice = await post(`/restricted-parties/${listed.id}/delist`, { reason: 'second' });
      expect([twice.status, twice.body.code]).toEqual([422, 'invalid-transition']);
      const never = await post(`/restricted-parties/${randomUUID()}/delist`, { reason: 'none' });
      expect([never.status, never.body.code]).toEqual([422, 'invalid-transition']);
    });

    it('refuses malformed input with 400 naming every failing field', async () => {
      const party = await post('/restricted-parties', { aliases: ['ok', 7], country: 'usa', extra: true });
      expect(party.status).toBe(400);
      expect(fieldsOf(party.body)).toEqual(expect.arrayContaining(['name', 'country', 'reason', 'listReference', 'extra']));
      expect((await get('/screening')).status).toBe(400);
      expect((await get('/restricted-parties?limit=500')).status).toBe(400);
    });

    it('answers 401 without a token', async () => {
      expect((await app.http().get('/api/v1/screening?name=x')).status).toBe(401);
    });

    it.each(NOT_OFFICERS)('answers 403 to %s listing or delisting a party', async (role) => {
      const listed = await listedParty(`Forbidden Test ${randomUUID().slice(0, 6)}`);
      const body = { name: 'Someone', country: 'US', reason: 'r', listReference: 'x' };
      expect((await post('/restricted-parties', body, role)).status).toBe(403);
      expect((await post(`/restricted-parties/${listed.id}/delist`, { reason: 'r' }, role)).status).toBe(403);
    });

    it('keeps the list and the screening from exporters', async () => {
      expect((await get('/restricted-parties', 'exporter')).status).toBe(403);
      expect((await get('/screening?name=anything', 'exporter')).status).toBe(403);
    });
  });
});
