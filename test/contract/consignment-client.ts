/**
 * A client an outside team would write: types generated from docs/openapi.json by
 * openapi-typescript (api-schema.d.ts, written by `npm run openapi`), calls made with openapi-fetch.
 * It imports nothing from the API's code: what it may send and what it reads back (bodies, headers,
 * problem codes) are only what the document promises. test/e2e/openapi-contract.e2e-spec.ts
 * type-checks it against freshly generated types and runs it against the API.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './api-schema';

export type ApiClient = Client<paths>;
export type Problem = components['schemas']['Problem'];
type CommandAnswer = components['schemas']['CommandResponse'];
type Party = components['schemas']['PartyRequestDto'];

/** A client acting with one bearer token; `observe` sees every response (the spec checks them against the document). */
export function apiClient(baseUrl: string, token: string, observe?: Middleware): ApiClient {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  if (observe) client.use(observe);
  return client;
}

/** An answer the API refused, with its typed problem body. */
export class ProblemAnswer extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${status} ${problem.code}: ${problem.detail}`);
  }
}

/** The data of a successful answer; a refusal becomes a {@link ProblemAnswer}. */
export function accepted<T>(answer: { data?: T; error?: Problem; response: Response }): T {
  if (answer.error !== undefined) throw new ProblemAnswer(answer.response.status, answer.error);
  if (answer.data === undefined) throw new Error(`No body in the answer ${answer.response.status}`);
  return answer.data;
}

/** The typed problem of an answer that must have been refused. */
export function refused(answer: { error?: Problem; response: Response }): { status: number; problem: Problem } {
  if (answer.error === undefined) throw new Error(`Expected a refusal, got ${answer.response.status}`);
  return { status: answer.response.status, problem: answer.error };
}

export interface Clients {
  readonly exporter: ApiClient;
  readonly officer: ApiClient;
  /** A second licensing officer: an approval needs another officer's issue. */
  readonly countersigner: ApiClient;
  readonly customs: ApiClient;
}

/** What the walk saw, for the spec to check. */
export interface Walk {
  readonly consignmentId: string;
  readonly licenceId: string;
  readonly location: string | null;
  readonly closed: CommandAnswer;
  /** The refusal of a close before the consignment was eligible. */
  readonly earlyClose: { status: number; problem: Problem };
  /** The refusal of a write with an If-Match revision that had moved on. */
  readonly staleWrite: { status: number; problem: Problem };
  /** The refusal of a quantity with four decimals. */
  readonly invalidQuantity: { status: number; problem: Problem };
  readonly licenceAfterRelease: components['schemas']['LicenceResponseDto'];
}

const CONSIGNEE: Party = { name: 'Magnetfabrik Bonn GmbH', country: 'DE', address: 'Dorotheenstraße 215, 53119 Bonn' };
const END_USER: Party = { name: 'Vacuumschmelze GmbH & Co. KG', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' };

/** A mine with a 2025 light-rare-earth quota, registered by an officer. */
async function mineWithQuota({ officer }: Clients, name: string): Promise<string> {
  const mine = accepted(
    await officer.POST('/api/v1/mines', {
      body: { name, operator: 'China Northern Rare Earth', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150000201107', depositType: 'bastnaesite' },
    }),
  );
  accepted(await officer.POST('/api/v1/mines/{mineId}/quotas', { params: { path: { mineId: mine.id } }, body: { year: 2025, category: 'light', quotaKgReo: 50000 } }));
  return mine.id;
}

/** An issued licence for 12,000 kg of NdPr oxide to Germany. */
async function issuedLicence({ exporter, officer, countersigner }: Clients): Promise<string> {
  const applied = accepted(
    await exporter.POST('/api/v1/licences', {
      body: {
        consignee: CONSIGNEE,
        endUser: END_USER,
        destinationCountry: 'DE',
        items: [{ product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 15000 }],
        intendedEndUse: 'Sintered NdFeB magnets for wind-turbine generators',
      },
    }),
  );
  const licence = { params: { path: { licenceId: applied.id } } };
  accepted(await officer.POST('/api/v1/licences/{licenceId}/approve', { ...licence, body: { validFrom: '2025-01-01', validUntil: '2099-12-31', conditions: [], issuedQuantityKg: [12000] } }));
  accepted(await countersigner.POST('/api/v1/licences/{licenceId}/issue', licence));
  return applied.id;
}

/**
 * One consignment from registration to close, as the exporter, the officers and customs would
 * take it, with a few refusals on the way whose codes are read from typed problem bodies.
 */
export async function walkConsignmentToClose(clients: Clients, suffix: string): Promise<Walk> {
  const { exporter, officer, customs } = clients;
  const mineId = await mineWithQuota(clients, `Bayan Obo East ${suffix}`);
  const licenceId = await issuedLicence(clients);

  const product = { product: 'Praseodymium-neodymium oxide 99 %', productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', destinationCountry: 'DE' } as const;
  const invalidQuantity = refused(await exporter.POST('/api/v1/consignments', { body: { ...product, quantityKg: 12000.0005 } }));
  const registration = await exporter.POST('/api/v1/consignments', { body: { ...product, quantityKg: 12000 }, params: { header: { 'Idempotency-Key': `register-${suffix}` } } });
  const { id } = accepted(registration);
  const consignment = { params: { path: { id } } };

  accepted(await exporter.POST('/api/v1/consignments/{id}/mining-sources', { ...consignment, body: { mineId, extractionBatchRef: `BO-${suffix}`, kgReo: 14000.5, extractedOn: '2025-01-15' } }));
  const staleWrite = refused(
    await exporter.POST('/api/v1/consignments/{id}/processing-steps', {
      params: { path: { id }, header: { 'If-Match': '"1"' } },
      body: { facility: { id: 'fac-baotou', name: 'Baotou separation plant', region: 'Inner Mongolia' }, process: 'separation', inputForm: 'mixed-carbonate', outputForm: 'separated-oxide', inputKgReo: 14000.5, outputKgReo: 12050, completedOn: '2025-02-10' },
    }),
  );
  accepted(
    await exporter.POST('/api/v1/consignments/{id}/processing-steps', {
      params: { path: { id }, header: { 'If-Match': '"2"' } },
      body: { facility: { id: 'fac-baotou', name: 'Baotou separation plant', region: 'Inner Mongolia' }, process: 'separation', inputForm: 'mixed-carbonate', outputForm: 'separated-oxide', inputKgReo: 14000.5, outputKgReo: 12050, completedOn: '2025-02-10' },
    }),
  );
  accepted(await exporter.POST('/api/v1/consignments/{id}/licence', { ...consignment, body: { licenceId } }));
  accepted(
    await exporter.POST('/api/v1/consignments/{id}/end-use-declaration', {
      ...consignment,
      body: {
        endUser: END_USER,
        endUse: 'Sintered NdFeB magnets for wind-turbine generators',
        endUseCategory: 'energy',
        commitments: { noMilitaryUse: true, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true },
        signatory: { name: 'Erika Mustermann', title: 'Head of Procurement' },
        signedOn: '2025-02-20',
        documentSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
    }),
  );
  const earlyClose = refused(await officer.POST('/api/v1/consignments/{id}/close', consignment));

  accepted(
    await customs.POST('/api/v1/consignments/{id}/shipment', {
      ...consignment,
      body: { customsDeclarationNo: '020120250000123456', portOfExport: 'CNTSN', carrier: 'COSCO Shipping', containerNos: ['CSNU1234565'], declaredNetKg: 12000, hsCode: '2846.90', destinationCountry: 'DE', declaredOn: '2025-03-01' },
    }),
  );
  // `notes` left out: an optional field with a default is optional in the generated types.
  accepted(await customs.POST('/api/v1/consignments/{id}/shipment/inspection', { ...consignment, body: { inspectedOn: '2025-03-02', measuredNetKg: 12001.5, sealNos: ['CN1234567'], result: 'conforming' } }));
  const released = accepted(await customs.POST('/api/v1/consignments/{id}/shipment/release', { ...consignment, body: { releasedOn: '2025-03-03' } }));
  const licenceAfterRelease = accepted(
    await exporter.GET('/api/v1/licences/{licenceId}', { params: { path: { licenceId }, header: { 'X-Min-Position': released.position } } }),
  );
  accepted(await customs.POST('/api/v1/consignments/{id}/shipment/departure', { ...consignment, body: { departedAt: '2025-03-04T06:00:00Z', vesselOrFlight: 'COSCO Aries' } }));
  accepted(await customs.POST('/api/v1/consignments/{id}/shipment/arrival', { ...consignment, body: { arrivedAt: '2025-04-10T14:00:00Z', portOfArrival: 'DEHAM', confirmedBy: END_USER.name } }));
  accepted(await officer.POST('/api/v1/consignments/{id}/end-use-checks', { ...consignment, body: { checkedOn: '2025-06-01', outcome: 'verified' } }));
  const closed = accepted(await officer.POST('/api/v1/consignments/{id}/close', consignment));

  return { consignmentId: id, licenceId, location: registration.response.headers.get('Location'), closed, earlyClose, staleWrite, invalidQuantity, licenceAfterRelease };
}
