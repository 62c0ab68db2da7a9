import type { Role } from '@ree/platform/auth';
import { eventually } from '@ree/testing';
import { randomInt, randomUUID } from 'node:crypto';
import { aDeclaration, aShipment } from '../support/consignment-api';
import { given } from '../support/given';
import { startTestApp, TestApp } from '../support/test-app';

const OFFICER: Role = 'licensing-officer';
const CUSTOMS: Role = 'customs-agent';
const ORG = `org-e2e-unlicensed-${randomUUID().slice(0, 8)}`;
/** Cerium items were never on the control list: a cerium oxide consignment ships without a licence. */
const CE_OXIDE = { product: 'Cerium oxide 99.9 %', productForm: 'separated-oxide', element: 'Ce', hsCode: '2846.10', quantityKg: 800, destinationCountry: 'DE' };
/** A made-up word, so that no other test's end user resembles this one's. */
const word = (): string => Array.from({ length: 7 }, (_, index) => (index % 2 === 0 ? 'BDFGKLMNPRSTVZ' : 'aeiou')[randomInt(index % 2 === 0 ? 14 : 5)]).join('');

interface Flag {
  readonly code: string;
  readonly severity: string;
  readonly detail: string;
  readonly clearedAt: string | null;
}

/**
 * Issue 12's retro-screening of consignments shipped WITHOUT a licence, through the API and the worker: no licence
 * leads to them, so the job finds them by their end-use declaration's end user in the review read model — by name on
 * a listing, through the ownership registry on a new ownership fact — and flags them RESTRICTED_PARTY_MATCH, within
 * the 24 months before the listing.
 */
describe('consignments shipped without a licence, their end user listed later', () => {
  let app: TestApp;
  const setUp = given(() => app);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const bearer = (role: Role) => `Bearer ${app.token(role, role === 'exporter' ? ORG : undefined)}`;
  const post = (path: string, body: object, role: Role = 'exporter') => app.http().post(`/api/v1${path}`).set('Authorization', bearer(role)).send(body);
  const get = (path: string, role: Role = OFFICER) => app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));
  const customs = async (id: string, step: string, body: object) => {
    const response = await post(`/consignments/${id}/${step}`, body, CUSTOMS);
    expect([step, response.status, response.body.code]).toEqual([step, 200, undefined]);
    return response;
  };

  /** A cerium oxide consignment to `endUser`, declared, released, departed and, if told, arrived, in `year`: no licence anywhere. */
  async function shippedWithoutLicence(endUser: string, year: number, arrive: boolean): Promise<{ id: string; position: string }> {
    const mineId = await setUp.mineWithQuota(10_000, { year });
    const created = await post('/consignments', CE_OXIDE);
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect((await post(`/consignments/${id}/mining-sources`, { mineId, extractionBatchRef: `BO-${year}-0117`, kgReo: 800, extractedOn: `${year}-01-15` })).status).toBe(200);
    const party = { name: endUser, country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' };
    expect((await post(`/consignments/${id}/end-use-declaration`, aDeclaration({ endUser: party, endUse: 'Polishing powder for optical glass', endUseCategory: 'civil-industrial', signedOn: `${year}-02-20` }))).status).toBe(200);
    await customs(id, 'shipment', aShipment({ customsDeclarationNo: `0201${Date.now()}${randomInt(1000)}`, declaredNetKg: 800, hsCode: '2846.10', declaredOn: `${year}-05-06` }));
    await customs(id, 'shipment/release', { releasedOn: `${year}-05-07` });
    let last = await customs(id, 'shipment/departure', { departedAt: `${year}-05-08T06:00:00Z`, vesselOrFlight: 'COSCO Aries' });
    if (arrive) last = await customs(id, 'shipment/arrival', { arrivedAt: `${year}-06-10T14:00:00Z`, portOfArrival: 'DEHAM', confirmedBy: endUser });
    return { id, position: last.body.position };
  }

  const matchFlagsOf = async (id: string): Promise<Flag[]> =>
    (((await get(`/consignments/${id}/review`)).body.flags ?? []) as Flag[]).filter((flag) => flag.code === 'RESTRICTED_PARTY_MATCH');
  const flaggedMatch = (id: string): Promise<Flag[]> =>
    eventually(() => matchFlagsOf(id), (flags) => flags.length > 0, { intervalMs: 100, what: `RESTRICTED_PARTY_MATCH on consignment ${id}` });

  it('flags the one arrived within 24 months when its end user is listed, not the one arrived earlier; then one whose end user a new fact makes 60 % the party\'s', async () => {
    const endUser = `${word()} ${word()} Optik GmbH`;
    const subsidiary = `${word()} Glas GmbH`;
    const recent = await shippedWithoutLicence(endUser, 2025, true);
    const old = await shippedWithoutLicence(endUser, 2024, true);
    const inTransit = await shippedWithoutLicence(subsidiary, 2026, false);
    await app.waitForPosition(inTransit.position);
    const recentReview = (await get(`/consignments/${recent.id}/review`)).body;
    expect(recentReview).toMatchObject({ licence: null, status: 'arrived' });

    const listed = await post('/restricted-parties', { name: endUser, aliases: [], country: 'DE', reason: 'Military end use', listReference: 'UEL-E2E-UNLICENSED' }, OFFICER);
    expect(listed.status).toBe(201);

    expect(await flaggedMatch(recent.id)).toEqual([
      expect.objectContaining({
        severity: 'critical',
        clearedAt: null,
        detail: expect.stringMatching(new RegExp(`^Without a licence: the end user "${endUser}" \\(skeleton "[^"]+"\\) matches "${endUser}" .*with score 1; restricted party "${endUser}"`)),
      }),
    ]);
    expect((await flaggedMatch(recent.id))[0].detail).toContain('list reference UEL-E2E-UNLICENSED');

    // The party (a listed one now) owns 60 % of the subsidiary: its consignment in transit is flagged with the chain.
    // The fact's job runs after the listing's on the same queue (one at a time): once it has flagged, the listing's is done.
    const owned = await post('/ownership', { owner: { name: endUser, country: 'DE' }, owned: { name: subsidiary, country: 'DE' }, sharePercent: 60, source: 'Handelsregister HRB 4711', asOf: '2026-10-01' }, OFFICER);
    expect([200, 201]).toContain(owned.status);
    const [chained] = await flaggedMatch(inTransit.id);
    expect(chained.detail).toContain(`Without a licence: the end user "${subsidiary}"`);
    expect(chained.detail).toContain(`is owned 50 % or more by "${endUser}" through "${subsidiary}" is owned 60 % by "${endUser}"`);
    expect(chained.detail).toContain(`owns 60 % of "${subsidiary}"`);

    // Arrived in June 2024, more than 24 months before the listing: not flagged.
    expect(await matchFlagsOf(old.id)).toEqual([]);
  });
});
