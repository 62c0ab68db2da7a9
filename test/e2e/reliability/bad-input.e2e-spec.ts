import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import type { Response } from 'supertest';
import {
  bodySchemaOf,
  deeplyNested,
  junk,
  nearlyValid,
  OpenApiDocument,
  operationOf,
  pollutingObject,
  queryParametersOf,
  unicodeEdgeString,
} from '../../support/openapi-arbitraries';
import { answerChecker } from '../../support/openapi-responses';
import { aRoleAllowed, ROUTE_ACCESS } from '../../support/route-access';
import { pathWith, routeOf } from '../../support/routes';
import { startTestApp, TestApp } from '../../support/test-app';

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
const CASES_PER_RUN = 1_000;
const routes = Object.entries(ROUTE_ACCESS).map(([key, access]) => ({ key, access, ...routeOf(key) }));
const postRoutes = routes.filter((route) => route.method === 'POST');
const getRoutes = routes.filter((route) => route.method === 'GET');
const BODIES_PER_ROUTE = Math.ceil(CASES_PER_RUN / postRoutes.length);
const QUERIES_PER_ROUTE = Math.ceil(CASES_PER_RUN / getRoutes.length);

/** docs/http-conventions.md's refused characters, restated: C0 but tab, LF, CR; DEL; C1; lone surrogates. */
const REFUSED_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether docs/http-conventions.md's limits refuse a parsed body: nesting past 32, or a refused character in a key or string. */
function breaksLimits(value: unknown): boolean {
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
function withDuplicateKey(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const text = JSON.stringify(value);
  // The keys as written: JSON.stringify leaves out those whose value is undefined.
  const [first] = Object.keys(JSON.parse(text) as object);
  if (first === undefined) return undefined;
  return text.replace(/^\{/, `{${JSON.stringify(first)}:"first copy",`);
}

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
    it(`answers any body with no 5xx, problem+json for every 4xx, 400 or 415 for what the limits refuse (${BODIES_PER_ROUTE} cases)`, async () => {
      const schema = bodySchemaOf(operationOf(document, route.method, route.path));
      const valid = schema ? nearlyValid(schema, document, Object.values(ids)) : junk;
      const json = fc.oneof(
        { weight: 4, arbitrary: valid },
        { weight: 2, arbitrary: junk },
        { weight: 1, arbitrary: pollutingObject },
        { weight: 1, arbitrary: fc.tuple(valid, fc.string({ minLength: 1, maxLength: 10 }), fc.oneof(deeplyNested, unicodeEdgeString)).map(([value, key, edge]) => ({ ...(value as object), [key]: edge })) },
      );
      type Body = { type: string; text: string; refused?: 400 | 415 };
      const body: fc.Arbitrary<Body> = fc.oneof(
        { weight: 6, arbitrary: json.map((value): Body => ({ type: 'application/json', text: JSON.stringify(value) ?? '', ...(breaksLimits(value) && { refused: 400 }) })) },
        { weight: 1, arbitrary: valid.map((value): Body | undefined => {
            const text = withDuplicateKey(value);
            return text === undefined ? undefined : { type: 'application/json', text, refused: 400 };
          }).filter((value): value is Body => value !== undefined) },
        { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text): Body => ({ type: 'application/json', text })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-json'), fc.string({ minLength: 1, maxLength: 200 }))
            .map(([type, text]): Body => ({ type, text, refused: 415 })),
        },
      );
      await fc.assert(
        fc.asyncProperty(pathOf(route.path), body, conventionHeaders, async (path, { type, text, refused }, headers) => {
          const response = await app.http().post(path).set(headers).set('Authorization', bearer(route.access)).set('Content-Type', type).send(text);
          expectWellFormed(response, route);
          if (refused) expect({ type, text: text.slice(0, 300), status: response.status }).toEqual({ type, text: text.slice(0, 300), status: refused });
        }),
        { numRuns: BODIES_PER_ROUTE },
      );
    });

    it('refuses deep nesting, refused characters and duplicate keys with 400 naming the field, and any body but JSON with 415', async () => {
      const path = pathWith(route.path, (name) => ids[name] ?? randomUUID());
      const post = (type: string, text: string) => app.http().post(path).set('Authorization', bearer(route.access)).set('Content-Type', type).send(text);
      const cases: Array<[string, number, string, string?]> = [
        [`{"notes":${'['.repeat(3_000)}${']'.repeat(3_000)}}`, 400, 'json-too-deep'],
        [`{"a":${'{"a":'.repeat(2_500)}1${'}'.repeat(2_500)}}`, 400, 'json-too-deep'],
        ['{"name":"Kestrel\\u0000 GmbH"}', 400, 'validation-failed', 'name'],
        ['{"party":{"name":"Kes\\ud800trel"}}', 400, 'validation-failed', 'party.name'],
        ['{"items":[{"product":"\\u001b[31mred"}]}', 400, 'validation-failed', 'items[0].product'],
        ['{"reason":"\\u0085"}', 400, 'validation-failed', 'reason'],
        ['{"quantityKg":1,"quantityKg":2}', 400, 'validation-failed', 'quantityKg'],
      ];
      for (const [text, status, code, field] of cases) {
        const response = await post('application/json', text);
        expectWellFormed(response, route);
        expect({ text: text.slice(0, 60), status: response.status, code: response.body.code, fields: response.body.errors?.map((error: { field: string }) => error.field) }).toEqual({
          text: text.slice(0, 60),
          status,
          code,
          fields: field ? [field] : undefined,
        });
      }
      for (const [type, text] of [['text/plain', '{"name":"x"}'], ['application/x-www-form-urlencoded', 'name=x'], ['application/xml', '<name>x</name>']]) {
        const response = await post(type, text);
        expectWellFormed(response, route);
        expect({ type, status: response.status, code: response.body.code }).toEqual({ type, status: 415, code: 'unsupported-media-type' });
      }
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
    it(`answers any query with no 5xx and problem+json for every 4xx (${QUERIES_PER_ROUTE} cases)`, async () => {
      const known = queryParametersOf(operationOf(document, route.method, route.path));
      const key = fc.oneof(
        { weight: 4, arbitrary: known.length ? fc.constantFrom(...known) : fc.string({ maxLength: 10 }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
        { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor[prototype][polluted]', 'limit[]', 'a[b][c]') },
      );
      const value = fc.oneof(
        fc.string({ maxLength: 30 }),
        unicodeEdgeString,
        fc.integer().map(String),
        fc.double().map(String),
        fc.constantFrom('', '0', '-1', '201', '1e400', 'NaN', 'true', '[]', '{}', 'null', '%', "' OR 1=1 --", 'x'.repeat(5000), ...Object.values(ids)),
      );
      // A lone surrogate, which encodeURIComponent refuses, goes as a client would send it: U+FFFD in UTF-8.
      const encode = (text: string) => encodeURIComponent(Buffer.from(text).toString());
      const query = fc.array(fc.tuple(key, value), { maxLength: 6 }).map((pairs) => pairs.map(([name, text]) => `${encode(name)}=${encode(text)}`).join('&'));
      await fc.assert(
        fc.asyncProperty(pathOf(route.path), query, conventionHeaders, async (path, search, headers) => {
          const request = app.http().get(search ? `${path}?${search}` : path).set(headers);
          const response = await (route.access === 'public' ? request : request.set('Authorization', bearer(route.access)));
          expectWellFormed(response, route);
        }),
        { numRuns: QUERIES_PER_ROUTE },
      );
    });

    it('refuses a control character in a query parameter with 400 naming it', async () => {
      const [name = 'anything'] = queryParametersOf(operationOf(document, route.method, route.path));
      const request = app.http().get(`${pathWith(route.path, (parameter) => ids[parameter] ?? randomUUID())}?${name}=a%00b`);
      const response = await (route.access === 'public' ? request : request.set('Authorization', bearer(route.access)));
      expectWellFormed(response, route);
      expect({ status: response.status, code: response.body.code, field: response.body.errors?.[0]?.field }).toEqual({ status: 400, code: 'validation-failed', field: name });
    });
  });

  describe('oversized requests', () => {
    it('answers headers over 16 KB with 431 problem+json', async () => {
      const response = await app.http().get('/api/v1/mines').set('Authorization', bearer(ROUTE_ACCESS['GET /api/v1/mines'])).set('X-Padding', 'x'.repeat(17 * 1024));
      expectWellFormed(response, { method: 'GET', path: '/api/v1/mines' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 431, code: 'request-header-fields-too-large' });
    });

    it('answers a URL over 8 KB with 414, and one past the 16 KB header section with 431', async () => {
      for (const [length, status, code] of [[10 * 1024, 414, 'uri-too-long'], [20 * 1024, 431, 'request-header-fields-too-large']] as const) {
        const response = await app.http().get(`/api/v1/mines?name=${'x'.repeat(length)}`).set('Authorization', bearer(ROUTE_ACCESS['GET /api/v1/mines']));
        expectWellFormed(response, { method: 'GET', path: '/api/v1/mines' });
        expect({ length, status: response.status, code: response.body.code }).toEqual({ length, status, code });
      }
    });
  });

  /** Sends raw bytes to the API's HTTP server and reads the answer until the server closes the connection. */
  async function rawExchange(bytes: string | Buffer): Promise<string> {
    const server = app.api.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.write(bytes);
    await new Promise<void>((resolve, reject) => socket.on('close', () => resolve()).on('error', reject));
    return Buffer.concat(chunks).toString();
  }

  it('answers a JSON body that is not UTF-8 with 400 malformed-json', async () => {
    // Raw bytes: a client library would re-encode or serialise the buffer.
    const body = Buffer.concat([Buffer.from('{"name":"Kestrel '), Buffer.from([0xff, 0xc0, 0x80]), Buffer.from('","country":"US","reason":"x","listReference":"y"}')]);
    const head = [
      'POST /api/v1/restricted-parties HTTP/1.1',
      'Host: x',
      `Authorization: Bearer ${app.token('licensing-officer')}`,
      'Content-Type: application/json',
      `Content-Length: ${body.length}`,
      'Connection: close',
    ].join('\r\n');
    const answer = await rawExchange(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body]));
    const [status, problem] = [answer.split('\r\n')[0], answer.slice(answer.indexOf('\r\n\r\n') + 4)];
    expect({ status, code: JSON.parse(problem).code }).toEqual({ status: 'HTTP/1.1 400 Bad Request', code: 'malformed-json' });
  });

  it('takes a POST without a body, or with Content-Length: 0, whatever its Content-Type (nothing to parse)', async () => {
    const role = aRoleAllowed(ROUTE_ACCESS['POST /api/v1/audit/anchors']);
    for (const headers of [['Content-Length: 0'], ['Content-Length: 0', 'Content-Type: text/plain'], []]) {
      const head = ['POST /api/v1/audit/anchors HTTP/1.1', 'Host: x', `Authorization: Bearer ${app.token(role)}`, ...headers, 'Connection: close'].join('\r\n');
      const status = Number((await rawExchange(`${head}\r\n\r\n`)).split(' ')[1]);
      expect({ headers, accepted: status >= 200 && status < 300 }).toEqual({ headers, accepted: true });
    }
  });

  it('answers what Node refuses as malformed HTTP with 400 problem+json', async () => {
    const answer = await rawExchange('GET /api/v1/mines HTTP/1.1\r\nHost: x\r\nBad Header Name: y\r\n\r\n');
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/i);
    expect(JSON.parse(body)).toMatchObject({ status: 400, code: 'malformed-request', type: 'urn:ree:problem:malformed-request' });
  });

  describe('quantities', () => {
    const consignment = { product: 'Neodymium oxide 99.5 %', productForm: 'separated-oxide', element: 'Nd', hsCode: '2846.90', destinationCountry: 'DE' };

    it('refuses kilograms with more than three decimals, however close to three, and keeps those with three', async () => {
      for (const text of ['1.0000000000000002', '0.30000000000000004', '1.0005', '2.6750000000000003']) {
        const response = await app.http().post('/api/v1/consignments').set('Authorization', `Bearer ${app.token('exporter')}`).set('Content-Type', 'application/json').send(`{"quantityKg":${text},${JSON.stringify(consignment).slice(1)}`);
        expectWellFormed(response, { method: 'POST', path: '/api/v1/consignments' });
        expect({ text, status: response.status, fields: response.body.errors?.map((error: { field: string }) => error.field) }).toEqual({ text, status: 400, fields: ['quantityKg'] });
      }
      const kept = await app.http().post('/api/v1/consignments').set('Authorization', `Bearer ${app.token('exporter')}`).send({ ...consignment, quantityKg: 1.005 });
      expect(kept.status).toBe(201);
    });
  });
});
