import type { Role } from '@ree/platform/auth';
import { randomInt, randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '@ree/testing';
import { given } from '../support/given';

const OFFICER: Role = 'licensing-officer';
const ORG = `org-e2e-listed-later-${randomUUID().slice(0, 8)}`;
/** A made-up word, so that no other test's licence resembles this one's consignee. */
const word = (): string => Array.from({ length: 7 }, (_, index) => (index % 2 === 0 ? 'BDFGKLMNPRSTVZ' : 'aeiou')[randomInt(index % 2 === 0 ? 14 : 5)]).join('');

describe('a party listed after its licence was issued, through the API and the worker', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  const setUp = given(() => app);

  const bearer = (role: Role, sub?: string) => `Bearer ${app.token(role, role === 'exporter' ? ORG : undefined, sub)}`;
  const post = (path: string, body: object, role: Role = 'exporter', sub?: string) =>
    app.http().post(`/api/v1${path}`).set('Authorization', bearer(role, sub)).send(body);
  const get = (path: string, role: Role = OFFICER) => app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));

  const until = <T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> => eventually(read, holds, { intervalMs: 100 });

  it('suspends the licence as the system, flags its consignment RESTRICTED_PARTY_MATCH, and leaves the revocation to one officer', async () => {
    const consignee = `${word()} ${word()} Magnetics GmbH`;
    const mineId = await setUp.mineWithQuota(100_000, { year: 2026 });
    const application = {
      consignee: { name: consignee, country: 'DE', address: 'Hafenstraße 1, Hamburg' },
      endUser: { name: consignee, country: 'DE', address: 'Hafenstraße 1, Hamburg' },
      destinationCountry: 'DE',
      items: [{ product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 20_000 }],
      intendedEndUse: 'Sintered NdFeB magnets for industrial motors',
    };
    const terms = { validFrom: '2026-01-01', validUntil: '2099-12-31', conditions: [] };
    const licenceId = await setUp.issuedLicence(application, { exporter: { org: ORG }, approver: 'officer-e2e-approver', countersigner: 'officer-e2e-countersigner', terms });
    const consignment = await post('/consignments', {
      product: 'Praseodymium-neodymium oxide 99 %', productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', quantityKg: 12_000, destinationCountry: 'DE',
    });
    const consignmentId = consignment.body.id;
    expect((await post(`/consignments/${consignmentId}/mining-sources`, { mineId, extractionBatchRef: 'BO-2026-1', kgReo: 12_000, extractedOn: '2026-01-15' })).status).toBe(200);
    expect((await post(`/consignments/${consignmentId}/licence`, { licenceId })).status).toBe(200);

    const listed = await post('/restricted-parties', { name: consignee.replace('GmbH', 'AG'), aliases: [], country: 'DE', reason: 'Military end use', listReference: 'UEL-E2E-LATER' }, OFFICER);
    expect(listed.status).toBe(201);

    const licence = await until(async () => (await get(`/licences/${licenceId}`)).body, (body) => body.status === 'suspended');
    expect(licence.suspendedBy).toBe('review.restricted-party-match');
    expect(licence.statusReason).toContain(`"${consignee}" (skeleton "`);
    const review = await until(
      async () => (await get(`/consignments/${consignmentId}/review`)).body,
      (body) => (body.flags ?? []).some((flag: { code: string }) => flag.code === 'RESTRICTED_PARTY_MATCH'),
    );
    expect(review.flags.filter((flag: { code: string }) => flag.code === 'RESTRICTED_PARTY_MATCH')).toEqual([
      expect.objectContaining({ severity: 'critical', clearedAt: null, detail: expect.stringContaining(consignee) }),
    ]);

    // Customs refuses the shipment on the suspended licence; one officer may revoke it after the system's suspension.
    expect((await post(`/consignments/${consignmentId}/end-use-declaration`, {
      endUser: { name: consignee, country: 'DE', address: 'Hafenstraße 1, Hamburg' }, endUse: 'Motors', endUseCategory: 'civil-industrial',
      commitments: { noMilitaryUse: true, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true },
      signatory: { name: 'Procurement lead', title: 'Head of Procurement' }, signedOn: '2026-02-01', documentSha256: 'a'.repeat(64),
    })).status).toBe(200);
    const shipment = await post(`/consignments/${consignmentId}/shipment`, {
      customsDeclarationNo: '020120260000777777', portOfExport: 'CNTSN', carrier: 'COSCO Shipping', containerNos: ['CSNU1234565'],
      declaredNetKg: 12_000, hsCode: '2846.90', destinationCountry: 'DE', declaredOn: '2026-02-10',
    }, 'customs-agent');
    expect([shipment.status, shipment.body.code]).toEqual([422, 'licence-not-active']);
    expect((await post(`/licences/${licenceId}/revoke`, { reason: 'Consignee listed' }, OFFICER, 'officer-e2e-approver')).status).toBe(200);
  });
});
