import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import {
  bodySchemaOf,
  junk,
  nearlyValid,
  OpenApiDocument,
  operationOf,
  pollutingObject,
  queryParametersOf,
} from '../support/openapi-arbitraries';
import { answerChecker } from '../support/openapi-responses';
import { aRoleAllowed, ROUTE_ACCESS } from '../support/route-access';
import { pathWith, routeOf } from '../support/routes';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * QUALITY.md's bad-input case: property-based requests on every route of the route table (which
 * the authorisation matrix keeps equal to the routes served). Bodies are drawn from each route's
 * OpenAPI schema (nearly valid, so that some reach the domain), from junk and from keys aimed at
 * the prototype; queries from the route's parameters and anything else; the convention headers (If-Match, Idempotency-Key,
 * X-Min-Position, X-Correlation-Id) now and then with odd values. Whatever comes in: no
 * 5xx, every 4xx is problem+json, every answer has a status, content type and body the route's
 * OpenAPI operation declares (a Problem for errors), and Object.prototype stays as it was.
 */
const RUNS_PER_ROUTE = 25;
const routes = Object.entries(ROUTE_ACCESS).map(([key, access]) => ({ key, access, ...routeOf(key) }));
const postRoutes = routes.filter((route) => route.method === 'POST');
const getRoutes = routes.filter((route) => route.method === 'GET');

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

describe('bad input', () => {
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

  describe.each(postRoutes)('$key', (route) => {
    it(`answers any body with no 5xx and problem+json for every 4xx (${RUNS_PER_ROUTE} cases)`, async () => {
      const schema = bodySchemaOf(operationOf(document, route.method, route.path));
      const json = fc.oneof(
        { weight: 4, arbitrary: schema ? nearlyValid(schema, document, Object.values(ids)) : junk },
        { weight: 2, arbitrary: junk },
        { weight: 1, arbitrary: pollutingObject },
      );
      const body = fc.oneof(
        { weight: 6, arbitrary: json.map((value) => ({ type: 'application/json', text: JSON.stringify(value) ?? '' })) },
        { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ type: 'application/json', text })) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'application/xml'), fc.string({ maxLength: 200 })).map(([type, text]) => ({ type, text })) },
      );
      await fc.assert(
        fc.asyncProperty(pathOf(route.path), body, conventionHeaders, async (path, { type, text }, headers) => {
          const response = await app.http().post(path).set(headers).set('Authorization', bearer(route.access)).set('Content-Type', type).send(text);
          expectWellFormed(response, route);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    });

    it('refuses __proto__, constructor and prototype keys with 400 and leaves Object.prototype alone', async () => {
      for (const text of [
        '{"__proto__":{"polluted":"yes"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"items":[{"__proto__":{"polluted":"yes"}}],"consignee":{"prototype":{"polluted":"yes"}}}',
      ]) {
        const response = await app.http().post(pathWith(route.path, (name) => ids[name] ?? randomUUID())).set('Authorization', bearer(route.access)).set('Content-Type', 'application/json').send(text);
        expectWellFormed(response, route);
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'validation-failed' });
      }
    });

    it('answers a body over 1 MB with 413', async () => {
      const text = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 1) });
      const response = await app.http().post(pathWith(route.path, (name) => ids[name] ?? randomUUID())).set('Authorization', bearer(route.access)).set('Content-Type', 'application/json').send(text);
      expectWellFormed(response, route);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 413, code: 'payload-too-large' });
    });
  });

  describe.each(getRoutes)('$key', (route) => {
    it(`answers any query with no 5xx and problem+json for every 4xx (${RUNS_PER_ROUTE} cases)`, async () => {
      const known = queryParametersOf(operationOf(document, route.method, route.path));
      const key = fc.oneof(
        { weight: 4, arbitrary: known.length ? fc.constantFrom(...known) : fc.string({ maxLength: 10 }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
        { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor[prototype][polluted]', 'limit[]', 'a[b][c]') },
      );
      const value = fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.integer().map(String),
        fc.double().map(String),
        fc.constantFrom('', '0', '-1', '201', '1e400', 'NaN', 'true', '[]', '{}', 'null', '%', "' OR 1=1 --", 'x'.repeat(5000), ...Object.values(ids)),
      );
      const query = fc.array(fc.tuple(key, value), { maxLength: 6 }).map((pairs) => pairs.map(([name, text]) => `${encodeURIComponent(name)}=${encodeURIComponent(text)}`).join('&'));
      await fc.assert(
        fc.asyncProperty(pathOf(route.path), query, conventionHeaders, async (path, search, headers) => {
          const request = app.http().get(search ? `${path}?${search}` : path).set(headers);
          const response = await (route.access === 'public' ? request : request.set('Authorization', bearer(route.access)));
          expectWellFormed(response, route);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    });
  });
});
