import type { Role } from '@ree/platform/auth';
import { randomUUID } from 'node:crypto';
import { given } from './given';
import type { TestApp } from './test-app';

/** The requests of the consignment specs (test/e2e/consignment*.e2e-spec.ts) and their defaults. */
export const OFFICER: Role = 'licensing-officer';
export const ORG = 'org-e2e-baotou-export';
export const COMPETITOR = 'org-e2e-competitor';

export const aConsignment = (overrides: object = {}) => ({
  product: 'Praseodymium-neodymium oxide 99 %',
  productForm: 'separated-oxide',
  element: 'NdPr',
  hsCode: '2846.90',
  quantityKg: 12000,
  destinationCountry: 'DE',
  ...overrides,
});
export const aSource = (mineId: string, kgReo: number, overrides: object = {}) => ({
  mineId,
  extractionBatchRef: `BO-2025-${randomUUID().slice(0, 6)}`,
  kgReo,
  extractedOn: '2025-01-15',
  ...overrides,
});
export const aStep = (inputKgReo: number, outputKgReo: number, overrides: object = {}) => ({
  facility: { id: 'fac-baotou-sep-2', name: 'Baotou separation plant 2', region: 'Inner Mongolia' },
  process: 'separation',
  inputForm: 'mixed-carbonate',
  outputForm: 'separated-oxide',
  inputKgReo,
  outputKgReo,
  completedOn: '2025-02-10',
  ...overrides,
});

/** The licence's end user, whom the end-use declarations name. */
export const END_USER = { name: 'Vacuumschmelze GmbH & Co. KG', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' };
export const anApplication = (overrides: object = {}) => ({
  consignee: { name: 'Magnetfabrik Bonn', country: 'DE', address: 'Dorotheenstraße 215, Bonn' },
  endUser: END_USER,
  destinationCountry: 'DE',
  items: [{ product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 20000 }],
  intendedEndUse: 'Sintered NdFeB magnets for wind-turbine generators',
  ...overrides,
});
/**
 * A multi-use licence at the port `aShipment` declares at: for scenarios that declare several
 * shipments under one licence (an application without a kind is single-use: one declaration).
 */
export const MULTI_USE = { kind: 'multi-use', customsOffice: 'CNTSN' } as const;
export const aDeclaration = (overrides: object = {}) => ({
  endUser: END_USER,
  endUse: 'Sintered NdFeB magnets for wind-turbine generators',
  endUseCategory: 'energy',
  commitments: { noMilitaryUse: true, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true },
  signatory: { name: 'Erika Mustermann', title: 'Head of Procurement' },
  signedOn: '2025-02-20',
  documentSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ...overrides,
});
export const aShipment = (overrides: object = {}) => ({
  customsDeclarationNo: `0201${Date.now()}`,
  portOfExport: 'CNTSN',
  carrier: 'COSCO Shipping',
  containerNos: ['CSNU1234565', 'CSNU7654321'],
  declaredNetKg: 12000,
  hsCode: '2846.90',
  destinationCountry: 'DE',
  declaredOn: '2025-03-01',
  ...overrides,
});

/** The consignment specs' calls as the exporter `ORG` (or another org) and as a licensing officer. */
export function consignmentApi(app: () => TestApp) {
  const bearer = (role: Role, org?: string) => `Bearer ${app().token(role, role === 'exporter' ? (org ?? ORG) : undefined)}`;
  const post = (path: string, body: object, role: Role = 'exporter', org?: string) =>
    app().http().post(`/api/v1${path}`).set('Authorization', bearer(role, org)).send(body);
  const get = (path: string, role: Role = OFFICER) => app().http().get(`/api/v1${path}`).set('Authorization', bearer(role));
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((error) => error.field);
  const setUp = given(app);
  const mineWithQuota = (quotaKgReo: number, depositType = 'bastnaesite', category = 'light'): Promise<string> => setUp.mineWithQuota(quotaKgReo, { depositType, category });

  async function registered(org = ORG): Promise<string> {
    const response = await post('/consignments', aConsignment(), 'exporter', org);
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function quotaOf(mineId: string, position: string) {
    await app().waitForPosition(position);
    const mine = await get(`/mines/${mineId}`);
    expect(mine.status).toBe(200);
    return mine.body.quotas[0];
  }

  return { bearer, post, get, fieldsOf, mineWithQuota, registered, quotaOf };
}
