import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { operationOf, queryParametersOf, unicodeEdgeString } from '../../support/openapi-arbitraries';
import { aRoleAllowed, ROUTE_ACCESS } from '../../support/route-access';
import { pathWith } from '../../support/routes';
import { getRoutes, QUERIES_PER_ROUTE, useBadInputSuite } from '../../support/bad-input';

/** The bad-input case's queries and raw requests (test/support/bad-input.ts describes the case). */
describe('bad input', () => {
  const suite = useBadInputSuite();
  const { ids, bearer, pathOf, conventionHeaders, expectWellFormed } = suite;

  describe.each(getRoutes)('$key', (route) => {
    it(`answers any query with no 5xx and problem+json for every 4xx (${QUERIES_PER_ROUTE} cases)`, async () => {
      const known = queryParametersOf(operationOf(suite.document, route.method, route.path));
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
          const request = suite.app.http().get(search ? `${path}?${search}` : path).set(headers);
          const response = await (route.access === 'public' ? request : request.set('Authorization', bearer(route.access)));
          expectWellFormed(response, route);
        }),
        { numRuns: QUERIES_PER_ROUTE },
      );
    });

    it('refuses a control character in a query parameter with 400 naming it', async () => {
      const [name = 'anything'] = queryParametersOf(operationOf(suite.document, route.method, route.path));
      const request = suite.app.http().get(`${pathWith(route.path, (parameter) => ids[parameter] ?? randomUUID())}?${name}=a%00b`);
      const response = await (route.access === 'public' ? request : request.set('Authorization', bearer(route.access)));
      expectWellFormed(response, route);
      expect({ status: response.status, code: response.body.code, field: response.body.errors?.[0]?.field }).toEqual({ status: 400, code: 'validation-failed', field: name });
    });
  });

  describe('oversized requests', () => {
    it('answers headers over 16 KB with 431 problem+json', async () => {
      const response = await suite.app.http().get('/api/v1/mines').set('Authorization', bearer(ROUTE_ACCESS['GET /api/v1/mines'])).set('X-Padding', 'x'.repeat(17 * 1024));
      expectWellFormed(response, { method: 'GET', path: '/api/v1/mines' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 431, code: 'request-header-fields-too-large' });
    });

    it('answers a URL over 8 KB with 414, and one past the 16 KB header section with 431', async () => {
      for (const [length, status, code] of [[10 * 1024, 414, 'uri-too-long'], [20 * 1024, 431, 'request-header-fields-too-large']] as const) {
        const response = await suite.app.http().get(`/api/v1/mines?name=${'x'.repeat(length)}`).set('Authorization', bearer(ROUTE_ACCESS['GET /api/v1/mines']));
        expectWellFormed(response, { method: 'GET', path: '/api/v1/mines' });
        expect({ length, status: response.status, code: response.body.code }).toEqual({ length, status, code });
      }
    });
  });

  /** Sends raw bytes to the API's HTTP server and reads the answer until the server closes the connection. */
  async function rawExchange(bytes: string | Buffer): Promise<string> {
    const server = suite.app.api.getHttpServer() as Server;
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
      `Authorization: Bearer ${suite.app.token('licensing-officer')}`,
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
      const head = ['POST /api/v1/audit/anchors HTTP/1.1', 'Host: x', `Authorization: Bearer ${suite.app.token(role)}`, ...headers, 'Connection: close'].join('\r\n');
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
        const response = await suite.app.http().post('/api/v1/consignments').set('Authorization', `Bearer ${suite.app.token('exporter')}`).set('Content-Type', 'application/json').send(`{"quantityKg":${text},${JSON.stringify(consignment).slice(1)}`);
        expectWellFormed(response, { method: 'POST', path: '/api/v1/consignments' });
        expect({ text, status: response.status, fields: response.body.errors?.map((error: { field: string }) => error.field) }).toEqual({ text, status: 400, fields: ['quantityKg'] });
      }
      const kept = await suite.app.http().post('/api/v1/consignments').set('Authorization', `Bearer ${suite.app.token('exporter')}`).send({ ...consignment, quantityKg: 1.005 });
      expect(kept.status).toBe(201);
    });
  });
});
