import type { Role } from '@ree/platform/auth';
import { randomUUID } from 'node:crypto';
import { expectProblem } from '../support/problem';
import { aDeclaration, END_USER } from '../support/consignment-api';
import { startTestApp, TestApp } from '../support/test-app';

const OFFICER: Role = 'licensing-officer';
const CUSTOMS: Role = 'customs-agent';
const ORG_A = `org-e2e-review-a-${randomUUID().slice(0, 8)}`;
const ORG_B = `org-e2e-review-b-${randomUUID().slice(0, 8)}`;
const FACILITY = { id: 'fac-baotou-sep-2', name: 'Baotou separation plant 2', region: 'Inner Mongolia' };
const RELEASED_ON = '2025-03-03';

/**
 * The review's reads through HTTP, on the rows the worker's review projection builds from the
 * commands of this spec: the document, the reviewers' search with each filter and its cursor,
 * the red flags across consignments, the export statistics, what an exporter may see, and the
 * 400s of each parameter. Every read waits for its command's position with X-Min-Position.
 */
describe('the review over HTTP', () => {
  let app: TestApp;
  const startedAt = new Date(Date.now() - 1000).toISOString();
  /** The consignments of this spec, by name, with the position of their last command. */
  const ids: Record<string, string> = {};
  let position = '0';
  /** The position of the shipped consignment's last command, its departure. */
  let departurePosition = '';

  const bearer = (role: Role, org?: string, sub?: string) => `Bearer ${app.token(role, org ?? (role === 'exporter' ? ORG_A : undefined), sub)}`;
  async function post(path: string, body: object, role: Role, org?: string, sub?: string) {
    const response = await app.http().post(`/api/v1${path}`).set('Authorization', bearer(role, org, sub)).send(body);
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    if (BigInt(response.body.position) > BigInt(position)) position = response.body.position;
    return response.body as { id: string; position: string; stepId?: string };
  }
  const get = (path: string, role: Role = OFFICER, org?: string) =>
    app.http().get(`/api/v1${path}`).set('Authorization', bearer(role, org)).set('X-Min-Position', position);
  async function read(path: string, role: Role = OFFICER, org?: string) {
    const response = await get(path, role, org);
    expect({ path, status: response.status, stale: response.headers['x-stale'] }).toEqual({ path, status: 200, stale: undefined });
    return response.body;
  }
  const consignmentIds = async (query: string, role: Role = OFFICER, org?: string): Promise<string[]> =>
    (await read(`/consignments?${query}`, role, org)).items.map((item: { consignmentId: string }) => item.consignmentId);

  beforeAll(async () => {
    app = await startTestApp();
    const mine = await post(
      '/mines',
      { name: `Bayan Obo ${randomUUID().slice(0, 8)}`, operator: 'Baotou Steel Rare-Earth', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150000201107', depositType: 'bastnaesite' },
      OFFICER,
    );
    await post(`/mines/${mine.id}/quotas`, { year: 2025, category: 'light', quotaKgReo: 100_000 }, OFFICER);
    const licence = await post(
      '/licences',
      {
        consignee: { name: 'Magnetfabrik Bonn', country: 'DE', address: 'Dorotheenstraße 215, Bonn' },
        endUser: END_USER,
        destinationCountry: 'DE',
        items: [{ product: 'Neodymium oxide 99.5 %', hsCode: '2846.90', element: 'Nd', quantityKg: 5000 }],
        intendedEndUse: 'Sintered NdFeB magnets',
      },
      'exporter',
    );
    await post(`/licences/${licence.id}/approve`, { validFrom: '2025-01-01', validUntil: '2099-12-31', conditions: [], issuedQuantityKg: [5000] }, OFFICER, undefined, 'officer-review-approver');
    await post(`/licences/${licence.id}/issue`, {}, OFFICER, undefined, 'officer-review-countersigner');
    const source = (kgReo: number) => ({ mineId: mine.id, extractionBatchRef: `BO-${randomUUID().slice(0, 6)}`, kgReo, extractedOn: '2025-01-15' });
    const step = (inputKgReo: number, outputKgReo: number) => ({
      facility: FACILITY, process: 'separation', inputForm: 'mixed-carbonate', outputForm: 'separated-oxide', inputKgReo, outputKgReo, completedOn: '2025-02-05',
    });

    // shipped: Nd to DE, a low separation yield, weighed 5 % heavier than declared, released and departed.
    const shipped = await post('/consignments', { product: 'Neodymium oxide 99.5 %', productForm: 'separated-oxide', element: 'Nd', hsCode: '2846.90', quantityKg: 1000, destinationCountry: 'DE' }, 'exporter');
    ids.shipped = shipped.id;
    await post(`/consignments/${shipped.id}/mining-sources`, source(1200), 'exporter');
    await post(`/consignments/${shipped.id}/processing-steps`, step(1200, 1000), 'exporter');
    await post(`/consignments/${shipped.id}/licence`, { licenceId: licence.id }, 'exporter');
    await post(
      `/consignments/${shipped.id}/end-use-declaration`,
      aDeclaration({ endUse: 'Sintered NdFeB magnets' }),
      'exporter',
    );
    await post(
      `/consignments/${shipped.id}/shipment`,
      { customsDeclarationNo: `0201${Date.now()}`, portOfExport: 'CNTSN', carrier: 'COSCO Shipping', containerNos: ['CSNU1234565'], declaredNetKg: 1000, hsCode: '2846.90', destinationCountry: 'DE', declaredOn: '2025-03-01' },
      CUSTOMS,
    );
    await post(`/consignments/${shipped.id}/shipment/inspection`, { inspectedOn: '2025-03-02', measuredNetKg: 1050, sealNos: ['CN1234567'], result: 'discrepancy', notes: 'Weighed at gate 3' }, CUSTOMS);
    await post(`/consignments/${shipped.id}/shipment/release`, { releasedOn: RELEASED_ON }, CUSTOMS);
    departurePosition = (await post(`/consignments/${shipped.id}/shipment/departure`, { departedAt: '2025-03-04T06:00:00Z', vesselOrFlight: 'COSCO Aries' }, CUSTOMS)).position;

    // short: Dy to JP, sourced for half its quantity; a low yield corrected away.
    const short = await post('/consignments', { product: 'Dysprosium oxide 99.9 %', productForm: 'separated-oxide', element: 'Dy', hsCode: '2846.90', quantityKg: 2000, destinationCountry: 'JP' }, 'exporter');
    ids.short = short.id;
    await post(`/consignments/${short.id}/mining-sources`, source(1000), 'exporter');
    const lowStep = await post(`/consignments/${short.id}/processing-steps`, step(1000, 500), 'exporter');
    await post(`/consignments/${short.id}/processing-steps/${lowStep.stepId}/corrections`, { ...step(1000, 950), reason: 'Assay re-issued' }, 'exporter');

    // other: another organisation's, registered only.
    const other = await post('/consignments', { product: 'Praseodymium oxide', productForm: 'separated-oxide', element: 'Pr', hsCode: '2846.90', quantityKg: 300, destinationCountry: 'KR' }, 'exporter', ORG_B);
    ids.other = other.id;
  });
  afterAll(() => app.close());

  it('answers the whole-process document once the projection has caught up with X-Min-Position', async () => {
    const document = await read(`/consignments/${ids.shipped}/review`);
    expect(document).toMatchObject({
      consignmentId: ids.shipped,
      status: 'departed',
      exporterOrg: ORG_A,
      element: 'Nd',
      quantityKg: 1000,
      destinationCountry: 'DE',
      stages: { mining: { status: 'done' }, processing: { status: 'flagged' }, licence: { status: 'done' }, endUse: { status: 'done' }, shipment: { status: 'flagged' } },
      massBalance: { sourcedKgReo: 1200, finalKgReo: 1000, overallYield: 0.8333 },
      licence: { allocatedKg: 1000, shippedKg: 1000 },
      shipment: { declaredNetKg: 1000, releasedOn: RELEASED_ON, inspection: { measuredNetKg: 1050 } },
      lastPosition: departurePosition,
    });
    expect(document.flags.map((flag: { code: string; severity: string; clearedAt: unknown }) => [flag.code, flag.severity, flag.clearedAt])).toEqual([
      ['LOW_YIELD', 'medium', null],
      ['WEIGHT_DISCREPANCY', 'high', null],
    ]);
    expect(document.timeline.map((entry: { type: string }) => entry.type)).toEqual(expect.arrayContaining(['ConsignmentRegistered', 'ShipmentDeparted']));
  });

  it("shows an exporter its own documents and another organisation's as not found; a bad id is a 400", async () => {
    expect((await read(`/consignments/${ids.shipped}/review`, 'exporter')).consignmentId).toBe(ids.shipped);
    expectProblem(await get(`/consignments/${ids.shipped}/review`, 'exporter', ORG_B), 404, 'not-found');
    expectProblem(await get(`/consignments/${randomUUID()}/review`), 404, 'not-found');
    const badId = expectProblem(await get('/consignments/not-a-uuid/review'), 400, 'validation-failed');
    expect(badId.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });

  it('searches newest registered first, as summaries, by each filter', async () => {
    const page = await read(`/consignments?exporterOrg=${ORG_A}`);
    expect(page.items.map((item: { consignmentId: string }) => item.consignmentId)).toEqual([ids.short, ids.shipped]);
    expect(page.items[1]).toMatchObject({ status: 'departed', element: 'Nd', quantityKg: 1000, openFlags: ['LOW_YIELD', 'WEIGHT_DISCREPANCY'], highestSeverity: 'high' });
    expect(page.items[0]).toMatchObject({ status: 'processed', openFlags: ['SOURCE_SHORTFALL'], highestSeverity: 'high', licenceId: null });
    expect(page.nextCursor).toBeNull();

    expect(await consignmentIds(`exporterOrg=${ORG_A}&status=departed`)).toEqual([ids.shipped]);
    expect(await consignmentIds(`exporterOrg=${ORG_A}&flag=SOURCE_SHORTFALL`)).toEqual([ids.short]);
    expect(await consignmentIds(`exporterOrg=${ORG_A}&flag=LOW_YIELD`)).toEqual([ids.shipped]);
    expect(await consignmentIds(`exporterOrg=${ORG_A}&severity=medium`)).toEqual([ids.shipped]);
    expect(await consignmentIds(`exporterOrg=${ORG_A}&severity=critical`)).toEqual([]);
    expect(await consignmentIds(`exporterOrg=${ORG_A}&destinationCountry=JP`)).toEqual([ids.short]);
    expect(await consignmentIds(`exporterOrg=${ORG_A}&element=Nd`)).toEqual([ids.shipped]);
    expect(await consignmentIds(`exporterOrg=${ORG_B}`)).toEqual([ids.other]);
    const now = new Date(Date.now() + 60_000).toISOString();
    expect(await consignmentIds(`exporterOrg=${ORG_A}&from=${startedAt}&to=${now}`)).toEqual([ids.short, ids.shipped]);
    expect(await consignmentIds(`exporterOrg=${ORG_A}&to=${startedAt}`)).toEqual([]);
    expect(await consignmentIds(`exporterOrg=${ORG_A}&from=${now}`)).toEqual([]);
  });

  it('pages with the opaque cursor', async () => {
    const first = await read(`/consignments?exporterOrg=${ORG_A}&limit=1`);
    const second = await read(`/consignments?exporterOrg=${ORG_A}&limit=1&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((item: { consignmentId: string }) => item.consignmentId)).toEqual([ids.short, ids.shipped]);
    expect(second.nextCursor).toBeNull();
    expectProblem(await get(`/consignments?cursor=${Buffer.from('["x","y"]').toString('base64url')}`), 400, 'invalid-cursor');
  });

  it("limits an exporter's search to its own organisation: another's exporterOrg gives an empty page", async () => {
    expect(await consignmentIds('', 'exporter', ORG_B)).toEqual([ids.other]);
    expect(await consignmentIds(`exporterOrg=${ORG_A}`, 'exporter', ORG_B)).toEqual([]);
    expect(await consignmentIds('flag=LOW_YIELD', 'exporter', ORG_A)).toEqual([ids.shipped]);
  });

  it('lists the red flags across consignments newest raised first, open by default, cleared with open=false', async () => {
    const open = await read('/flags', 'exporter');
    expect(open.items.map((flag: { consignmentId: string; code: string; open: boolean }) => [flag.consignmentId, flag.code, flag.open])).toEqual([
      [ids.short, 'SOURCE_SHORTFALL', true],
      [ids.shipped, 'WEIGHT_DISCREPANCY', true],
      [ids.shipped, 'LOW_YIELD', true],
    ]);
    const cleared = await read('/flags?open=false', 'exporter');
    expect(cleared.items).toEqual([
      expect.objectContaining({ consignmentId: ids.short, exporterOrg: ORG_A, code: 'LOW_YIELD', severity: 'medium', open: false, clearedAt: expect.any(String) }),
    ]);
    expect((await read('/flags?code=WEIGHT_DISCREPANCY&severity=high', 'exporter')).items).toHaveLength(1);
    expect((await read('/flags', 'exporter', ORG_B)).items).toEqual([]);
    const asOfficer = await read('/flags?code=SOURCE_SHORTFALL&limit=200');
    expect(asOfficer.items.map((flag: { consignmentId: string }) => flag.consignmentId)).toContain(ids.short);
  });

  it('counts what customs released, grouped, for the exporter its own organisation only', async () => {
    const byElement = await read(`/statistics/exports?groupBy=element&from=${RELEASED_ON}&to=${RELEASED_ON}`, 'exporter');
    expect(byElement).toEqual({ groupBy: 'element', from: RELEASED_ON, to: RELEASED_ON, items: [{ key: 'Nd', shippedKg: 1000, consignments: 1 }] });
    expect((await read('/statistics/exports?groupBy=month', 'exporter')).items).toEqual([{ key: '2025-03', shippedKg: 1000, consignments: 1 }]);
    expect((await read('/statistics/exports?groupBy=destinationCountry', 'exporter')).items).toEqual([{ key: 'DE', shippedKg: 1000, consignments: 1 }]);
    expect((await read('/statistics/exports?groupBy=hsCode&from=2025-03-04', 'exporter')).items).toEqual([]);
    expect((await read('/statistics/exports?groupBy=hsCode', 'exporter', ORG_B)).items).toEqual([]);
    const all = await read(`/statistics/exports?groupBy=hsCode&from=${RELEASED_ON}&to=${RELEASED_ON}`, 'auditor');
    expect(all.items).toEqual(expect.arrayContaining([expect.objectContaining({ key: '2846.90' })]));
  });

  it.each([
    ['/consignments?status=bogus', 'status'],
    ['/consignments?flag=NOT_A_FLAG', 'flag'],
    ['/consignments?severity=urgent', 'severity'],
    ['/consignments?element=Xx', 'element'],
    ['/consignments?destinationCountry=XX', 'destinationCountry'],
    ['/consignments?exporterOrg=a%00b', 'exporterOrg'],
    ['/consignments?from=2025-02-30', 'from'],
    ['/consignments?from=2025-03-02&to=2025-03-01', 'to'],
    ['/consignments?limit=201', 'limit'],
    ['/consignments?unknown=1', 'unknown'],
    ['/flags?open=maybe', 'open'],
    ['/flags?code=LOW', 'code'],
    ['/statistics/exports', 'groupBy'],
    ['/statistics/exports?groupBy=week', 'groupBy'],
    ['/statistics/exports?groupBy=month&from=2025-03-02&to=2025-03-01', 'to'],
    ['/statistics/exports?groupBy=month&from=0000-01-01', 'from'],
  ])('answers %s with 400 naming %s', async (path, field) => {
    const problem = expectProblem(await get(path), 400, 'validation-failed');
    expect((problem.errors as Array<{ field: string }>).map((error) => error.field)).toContain(field);
  });
});
