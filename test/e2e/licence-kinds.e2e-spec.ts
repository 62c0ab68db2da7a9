import { eventually } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { expectProblem } from '../support/problem';
import { startTestApp, TestApp } from '../support/test-app';
import { given, LICENCE_TERMS } from '../support/given';
import { aConsignment, aDeclaration, anApplication, aShipment, aSource, consignmentApi, MULTI_USE, OFFICER, ORG } from '../support/consignment-api';

const APPROVER = 'officer-e2e-kinds-approver';
const COUNTERSIGNER = 'officer-e2e-kinds-countersigner';
const LOT_KG = 1000;

/** Licence kinds over HTTP: each kind's limit refused with its own code, the endorsements on the licence and in the review. */
describe('licence kinds and the endorsement of customs declarations', () => {
  let app: TestApp;
  let mineId: string;
  const api = consignmentApi(() => app);
  const { post, get } = api;
  const setUp = given(() => app);
  const asOfficer = (path: string, body: object, sub: string) =>
    app.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${app.token(OFFICER, undefined, sub)}`).send(body);
  const customs = (id: string, shipment: object) => post(`/consignments/${id}/shipment`, shipment, 'customs-agent');
  const declarationNo = () => `0201${randomUUID().replace(/\D/g, '').slice(0, 14).padEnd(14, '0')}`;

  beforeAll(async () => {
    app = await startTestApp();
    mineId = await api.mineWithQuota(1_000_000);
  });
  afterAll(() => app.close());

  const issued = (application: object): Promise<string> => setUp.issuedLicence(application, { exporter: { org: ORG }, approver: APPROVER, countersigner: COUNTERSIGNER });

  /** A lot of 1 t registered, sourced, attached to `licenceId` and with its end user's declaration: ready for customs. */
  async function readyToShip(licenceId: string): Promise<string> {
    const created = await post('/consignments', aConsignment({ quantityKg: LOT_KG }));
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect((await post(`/consignments/${id}/mining-sources`, aSource(mineId, 1200))).status).toBe(200);
    expect((await post(`/consignments/${id}/licence`, { licenceId })).status).toBe(200);
    expect((await post(`/consignments/${id}/end-use-declaration`, aDeclaration())).status).toBe(200);
    return id;
  }

  async function readLicence(licenceId: string, position: string) {
    await app.waitForPosition(position);
    const read = await get(`/licences/${licenceId}`);
    expect(read.status).toBe(200);
    return read.body;
  }

  it('multi-use: twelve declarations endorsed at its office, the thirteenth refused; a cancel before release gives one back', async () => {
    const licenceId = await issued(anApplication(MULTI_USE));
    const lots = await Promise.all(Array.from({ length: 13 }, () => readyToShip(licenceId)));
    const [thirteenth, ...twelve] = lots;

    expectProblem(await customs(thirteenth, aShipment({ portOfExport: 'CNSHA', declaredNetKg: LOT_KG })), 422, 'customs-office-mismatch');
    const declared = await Promise.all(twelve.map((id) => customs(id, aShipment({ customsDeclarationNo: declarationNo(), declaredNetKg: LOT_KG }))));
    expect(declared.map((response) => response.status)).toEqual(Array(12).fill(200));
    expectProblem(await customs(thirteenth, aShipment({ customsDeclarationNo: declarationNo(), declaredNetKg: LOT_KG })), 422, 'multi-use-endorsements-exhausted');

    const lastPosition = declared.map((response) => response.body.position as string).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).at(-1)!;
    const licence = await readLicence(licenceId, lastPosition);
    expect(licence).toMatchObject({ kind: 'multi-use', customsOffice: 'CNTSN', declarationsLeft: 0, endorsedKg: 12 * LOT_KG });
    expect(licence.endorsements.map((endorsement: { number: number }) => endorsement.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(licence.endorsements.map((endorsement: { consignmentId: string }) => endorsement.consignmentId))).toEqual(new Set(twelve));
    expect(licence.endorsements[0]).toMatchObject({ customsOffice: 'CNTSN', kg: LOT_KG, endorsedOn: '2025-03-01', withdrawnReason: null });

    const review = await get(`/consignments/${twelve[0]}/review`);
    expect(review.status).toBe(200);
    expect(review.body.licence).toMatchObject({ licenceId, kind: 'multi-use', customsOffice: 'CNTSN', declarationsLeft: 0 });
    expect(review.body.licence.endorsements).toHaveLength(12);

    // Cancelled before release: the give-back withdraws its endorsement, and the thirteenth lot is endorsed in its place.
    const cancelled = await post(`/consignments/${twelve[0]}/cancel`, { reason: 'Buyer withdrew' });
    expect(cancelled.status).toBe(200);
    const givenBack = await eventually(() => readLicence(licenceId, cancelled.body.position), (read: { declarationsLeft: number; endorsements: Array<{ consignmentId: string }> }) => read.declarationsLeft === 1);
    expect(givenBack.endorsements.find((endorsement: { consignmentId: string }) => endorsement.consignmentId === twelve[0])).toMatchObject({ withdrawnReason: 'consignment-cancelled' });
    expect((await customs(thirteenth, aShipment({ customsDeclarationNo: declarationNo(), declaredNetKg: LOT_KG }))).status).toBe(200);
  });

  it('single-use by default: one declaration, the second refused', async () => {
    const licenceId = await issued(anApplication());
    const [first, second] = await Promise.all([readyToShip(licenceId), readyToShip(licenceId)]);

    const declared = await customs(first, aShipment({ customsDeclarationNo: declarationNo(), declaredNetKg: LOT_KG }));
    expect(declared.status).toBe(200);
    expectProblem(await customs(second, aShipment({ customsDeclarationNo: declarationNo(), declaredNetKg: LOT_KG })), 422, 'single-use-licence-spent');
    expect(await readLicence(licenceId, declared.body.position)).toMatchObject({ kind: 'single-use', declarationsLeft: 0, customsOffice: null, eligibility: null });
  });

  it('each kind needs its facts: the office of a multi-use licence, the eligibility and one year of a general one', async () => {
    expectProblem(await post('/licences', anApplication({ kind: 'multi-use' })), 422, 'customs-office-required');
    expectProblem(await post('/licences', anApplication({ kind: 'general' })), 422, 'general-licence-ineligible');
    expectProblem(
      await post('/licences', anApplication({ kind: 'general', eligibility: { internalControlProgramme: true, noPenaltiesInThreeYears: false } })),
      422,
      'general-licence-ineligible',
    );
    expect(api.fieldsOf((await post('/licences', anApplication({ kind: 'occasional', customsOffice: 'Tianjin' }))).body).sort()).toEqual(['customsOffice', 'kind']);

    const eligibility = { internalControlProgramme: true, noPenaltiesInThreeYears: true, evidence: 'ICP record 2024-017' };
    const applied = await post('/licences', anApplication({ kind: 'general', eligibility }));
    expect(applied.status).toBe(201);
    const id: string = applied.body.id;
    expectProblem(await asOfficer(`/licences/${id}/approve`, { ...LICENCE_TERMS, validFrom: '2025-01-01', validUntil: '2026-01-01' }, APPROVER), 422, 'general-licence-validity-exceeded');
    const approved = await asOfficer(`/licences/${id}/approve`, { ...LICENCE_TERMS, validFrom: '2025-01-01', validUntil: '2025-12-31' }, APPROVER);
    expect(approved.status).toBe(200);
    expect(await readLicence(id, approved.body.position)).toMatchObject({ kind: 'general', eligibility, declarationsLeft: null, endorsements: [], exporterOrg: ORG });
  });
});
