import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { OpenApiDocument, operationOf } from './openapi-arbitraries';
import { answerChecker } from './openapi-responses';
import { aRoleAllowed, ROUTE_ACCESS } from './route-access';
import { pathWith, routeOf } from './routes';
import { startTestApp, TestApp } from './test-app';

/**
 * The bad-input case (docs/http-conventions.md, "How it is tested"): property-based requests on
 * every route of the route table (which the authorisation matrix keeps equal to the routes
 * served). Bodies are drawn from each route's OpenAPI schema (nearly valid, so that some reach the
 * domain), from junk, deep nesting, Unicode edge characters, duplicate keys and keys aimed at the
 * prototype; queries from the route's parameters and anything else; the convention headers
 * (If-Match, Idempotency-Key, X-Min-Position, X-Correlation-Id) now and then with odd values.
 * Whatever comes in: no 5xx, every 4xx is problem+json, every answer has a status, content type
 * and body the route's OpenAPI operation declares (a Problem for errors), what the limits refuse is a 400 or a 415,
 * and Object.prototype stays as it was. At least {@link CASES_PER_RUN} bodies and as many queries
 * per run, spread over the routes.
 */
export const CASES_PER_RUN = 1_000;
/** The API's body limit, 1 MB (BODY_LIMIT in apps/api/src/http/configure-http.ts). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
export const routes = Object.entries(ROUTE_ACCESS).map(([key, access]) => ({ key, access, ...routeOf(key) }));
export const postRoutes = routes.filter((route) => route.method === 'POST');
export const getRoutes = routes.filter((route) => route.method === 'GET');
export const BODIES_PER_ROUTE = Math.ceil(CASES_PER_RUN / postRoutes.length);
export const QUERIES_PER_ROUTE = Math.ceil(CASES_PER_RUN / getRoutes.length);

/** docs/http-conventions.md's refused characters, restated: C0 but tab, LF, CR; DEL; C1; lone surrogates. */
const REFUSED_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether docs/http-conventions.md's limits refuse a parsed body: nesting past 32, or a refused character in a key or string. */
export function breaksLimits(value: unknown): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (typeof item === 'string' && REFUSED_CHARACTER.test(item)) return true;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > 32) return true;
    for (const [key, inner] of Object.entries(item)) {
      if (!Array.isArray(item) && REFUSED_CHARACTER.test(key)) return true;
      pending.push([inner, depth + 1]);
    }
  }
  return false;
}

/** The JSON text of an object with its first key written twice (the first copy with another value). */
export function withDuplicateKey(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const text = JSON.stringify(value);
  // The keys as written: JSON.stringify leaves out those whose value is undefined.
  const [first] = Object.keys(JSON.parse(text) as object);
  if (first === undefined) return undefined;
  return text.replace(/^\{/, `{${JSON.stringify(first)}:"first copy",`);
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

/**
 * Registers the suite's hooks: an in-process API whose READ_YOUR_WRITES_TIMEOUT_MS is short, its OpenAPI
 * document, and one record of each kind (a mine with a quota, a restricted party, a consignment with a source
 * and a step, a licence application) so that some requests reach an existing resource. Read `app` and
 * `document` inside tests only.
 */
export function useBadInputSuite() {
  let app: TestApp;
  let document: OpenApiDocument;
  let checkAnswer: ReturnType<typeof answerChecker>;
  /** Real ids by path parameter name, so that some requests reach an existing resource. */
  const ids: Record<string, string> = {};

  const bearer = (access: (typeof routes)[number]['access']) => `Bearer ${app.token(aRoleAllowed(access))}`;

  async function created(path: string, body: object, role: 'exporter' | 'licensing-officer'): Promise<Record<string, string>> {
    const response = await app.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${app.token(role)}`).send(body);
    expect(response.status).toBeLessThan(300);
    return response.body;
  }

  beforeAll(async () => {
    // A far-off X-Min-Position would otherwise hold each case for the default 5 s.
    app = await startTestApp({ READ_YOUR_WRITES_TIMEOUT_MS: '20' });
    document = (await app.http().get('/api/docs-json')).body;
    checkAnswer = answerChecker(document as unknown as Parameters<typeof answerChecker>[0]);
    const suffix = randomUUID().slice(0, 8);
    const mine = await created(
      '/mines',
      { name: `Fuzz mine ${suffix}`, operator: 'Fuzz Co', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: `FZ-${suffix}`, depositType: 'bastnaesite' },
      'licensing-officer',
    );
    await created(`/mines/${mine.id}/quotas`, { year: 2025, category: 'light', quotaKgReo: 1_000_000 }, 'licensing-officer');
    const party = await created('/restricted-parties', { name: `Fuzz party ${suffix}`, country: 'US', reason: 'fuzzing', listReference: 'UEL-FUZZ' }, 'licensing-officer');
    const consignment = await created(
      '/consignments',
      { product: 'Neodymium oxide 99.5 %', productForm: 'separated-oxide', element: 'Nd', hsCode: '2846.90', quantityKg: 5000, destinationCountry: 'DE' },
      'exporter',
    );
    const source = await created(
      `/consignments/${consignment.id}/mining-sources`,
      { mineId: mine.id, extractionBatchRef: `FZ-${suffix}`, kgReo: 1000, extractedOn: '2025-01-15' },
      'exporter',
    );
    const step = await created(
      `/consignments/${consignment.id}/processing-steps`,
      {
        facility: { id: 'fac-fuzz', name: 'Fuzz separation plant', region: 'Inner Mongolia' },
        process: 'separation',
        inputForm: 'mixed-carbonate',
        outputForm: 'separated-oxide',
        inputKgReo: 1000,
        outputKgReo: 900,
        completedOn: '2025-02-10',
      },
      'exporter',
    );
    const party0 = { name: 'Vacuumschmelze GmbH', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' };
    const licence = await created(
      '/licences',
      { consignee: party0, endUser: party0, destinationCountry: 'DE', items: [{ product: 'Nd oxide', hsCode: '2846.90', element: 'Nd', quantityKg: 100 }], intendedEndUse: 'Magnets' },
      'exporter',
    );
    Object.assign(ids, { mineId: mine.id, partyId: party.id, id: consignment.id, declarationId: source.declarationId, stepId: step.stepId, licenceId: licence.id });
  });
  afterAll(() => app.close());

  /** A path parameter: the real id of its kind, another id, or a string no id looks like. */
  const pathParameter = (name: string): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(ids[name] ?? randomUUID()) },
      { weight: 1, arbitrary: fc.constantFrom(randomUUID(), ...Object.values(ids)) },
      { weight: 1, arbitrary: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('0', '-1', 'null', "' OR 1=1 --", 'x'.repeat(2000))) },
    );

  const pathOf = (path: string): fc.Arbitrary<string> => {
    const names = [...path.matchAll(/:(\w+)/g)].map((match) => match[1]);
    return fc.tuple(...names.map(pathParameter)).map((values) => pathWith(path, (name) => values[names.indexOf(name)]));
  };

  /** The headers the conventions read, now and then, with values they may not expect. */
  const conventionHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
    fc.constantFrom('If-Match', 'Idempotency-Key', 'X-Min-Position', 'X-Correlation-Id'),
    fc.oneof(
      fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
      fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
      fc.constantFrom('', '"0"', '"-1"', '"1.5"', '*', 'W/"1"', '"99999999999999999999999"', 'x'.repeat(300)),
    ),
    { maxKeys: 2 },
  );

  function expectWellFormed(response: Response, route: { method: string; path: string }): void {
    const answer = { status: response.status, contentType: response.headers['content-type'], problemStatus: response.body?.status, code: response.body?.code };
    if (response.status >= 500) throw new Error(`A 5xx for bad input: ${JSON.stringify({ ...answer, body: response.body })}`);
    if (response.status >= 400) {
      expect(answer).toEqual({
        status: answer.status,
        contentType: expect.stringMatching(/^application\/problem\+json/),
        problemStatus: answer.status,
        code: expect.stringMatching(/^[a-z0-9-]+$/),
      });
    }
    // Every answer of a documented route, 2xx or not, as its operation declares (the probes, /metrics and the OpenAPI pages are left out of the document).
    if (operationOf(document, route.method, route.path)) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const headers = new Map(Object.entries(response.headers as Record<string, string>));
      const body = response.headers['content-type']?.includes('json') ? response.body : response.text;
      expect(checkAnswer({ ...route, path, status: response.status, contentType: String(answer.contentType ?? ''), headers, body })).toEqual([]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  }

  return {
    get app() {
      return app;
    },
    get document() {
      return document;
    },
    ids,
    bearer,
    pathOf,
    conventionHeaders,
    expectWellFormed,
  };
}

