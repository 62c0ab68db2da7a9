import { sign } from 'jsonwebtoken';
import { expectProblem } from '../support/problem';
import { testConfig } from '../support/test-config';
import { bearer, refusedBearers } from '../support/tokens';
import { loggedErrors, useConventionsApp, validBody } from '../support/conventions-app';

describe('HTTP conventions', () => {
  const config = testConfig({ READ_YOUR_WRITES_TIMEOUT_MS: '400' });
  const exporter = bearer({ role: 'exporter', org: 'org-lanthanide', sub: 'exporter-1' }, config);
  const auditor = bearer({ role: 'auditor', sub: 'auditor-1' }, config);
  const { http } = useConventionsApp(config);

  describe('authentication', () => {
    it('answers 401 problem+json without a token', async () => {
      const response = await http().get('/api/v1/things/whoami');
      expectProblem(response, 401, 'unauthenticated');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });

    it.each(Object.keys(refusedBearers(config)))('answers 401 for a token that is refused: %s', async (name) => {
      const response = await http().get('/api/v1/things/whoami').set('Authorization', refusedBearers(config)[name]);
      expectProblem(response, 401, 'unauthenticated');
    });

    it('sets the actor from the token claims', async () => {
      const response = await http().get('/api/v1/things/whoami').set('Authorization', bearer({ role: 'exporter', org: 'org-x', sub: 'u-7', name: 'Ada' }, config));
      expect(response.status).toBe(200);
      expect(response.body.actor).toEqual({ sub: 'u-7', role: 'exporter', org: 'org-x', name: 'Ada' });
    });

    it('accepts a token within the clock tolerance of its expiry', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = sign({ sub: 'late', role: 'auditor', exp: now - 2 }, config.jwt.secret!, { issuer: config.jwt.issuer, audience: config.jwt.audience });
      expect((await http().get('/api/v1/things/whoami').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    });
  });

  describe('authorisation', () => {
    it('answers 403 for a role the route does not name', async () => {
      expectProblem(await http().get('/api/v1/things/read').set('Authorization', exporter), 403, 'forbidden-for-role');
    });

    it('refuses a route without @Roles or @Public to every role', async () => {
      for (const role of ['exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin'] as const) {
        const response = await http().get('/api/v1/things/unguarded').set('Authorization', bearer({ role, org: 'org-1' }, config));
        expectProblem(response, 403, 'forbidden-for-role');
      }
    });

    it('serves public routes without a token, outside the base path', async () => {
      expect((await http().get('/health/live')).body).toEqual({ status: 'up' });
      expect((await http().get('/api/v1/health/live')).status).toBe(404);
    });
  });

  describe('errors as problem+json', () => {
    it('names every failing field of an invalid body, nested ones by path', async () => {
      const response = await http()
        .post('/api/v1/things')
        .set('Authorization', exporter)
        .send({ product: 'x', quantityKg: -1, consignee: { name: 4, country: 'XX' }, exporterOrg: 'someone-else' });
      const problem = expectProblem(response, 400, 'validation-failed');
      const fields = (problem.errors as Array<{ field: string }>).map((error) => error.field).sort();
      expect([...new Set(fields)]).toEqual(['consignee.country', 'consignee.name', 'exporterOrg', 'product', 'quantityKg']);
    });

    it('answers 400 malformed-json for a body that is not JSON', async () => {
      const response = await http().post('/api/v1/things').set('Authorization', exporter).set('Content-Type', 'application/json').send('{"product": ');
      expectProblem(response, 400, 'malformed-json');
    });

    it('answers 413 for a body over 1 MB', async () => {
      const response = await http().post('/api/v1/things').set('Authorization', exporter).send({ ...validBody('big'), padding: 'x'.repeat(1_100_000) });
      expectProblem(response, 413, 'payload-too-large');
    });

    it('refuses __proto__ and constructor keys, and Object.prototype stays untouched', async () => {
      for (const body of ['{"__proto__": {"admin": true}}', `{"product": "neodymium", "consignee": {"constructor": {"prototype": {"admin": true}}}}`]) {
        const response = await http().post('/api/v1/things').set('Authorization', exporter).set('Content-Type', 'application/json').send(body);
        expectProblem(response, 400, 'validation-failed');
      }
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'admin')).toBe(false);
    });

    it('answers 422 with the code of a broken domain rule', async () => {
      const problem = expectProblem(await http().post('/api/v1/things/failing').set('Authorization', exporter).send({ attempt: 1 }), 422, 'quota-exceeded');
      expect(problem.detail).toBe('The annual quota is exhausted (attempt 1)');
    });

    it('answers 412 to a revision conflict with If-Match, 409 without', async () => {
      const officer = bearer({ role: 'licensing-officer' }, config);
      expectProblem(await http().post('/api/v1/things/l-1/approve').set('Authorization', officer).set('If-Match', '"3"').send({}), 412, 'precondition-failed');
      expectProblem(await http().post('/api/v1/things/l-1/approve').set('Authorization', officer).send({}), 409, 'concurrency-conflict');
      expectProblem(await http().post('/api/v1/things/l-1/approve').set('Authorization', officer).set('If-Match', 'three').send({}), 400, 'invalid-if-match');
    });

    it('answers 404 not-found for a missing resource and for an unknown route', async () => {
      expectProblem(await http().get('/api/v1/things/missing').set('Authorization', auditor), 404, 'not-found');
      expectProblem(await http().get('/api/v1/no-such-route').set('Authorization', auditor), 404, 'not-found');
    });

    it('answers 503 with Retry-After when the event store or the database is unavailable', async () => {
      for (const path of ['/api/v1/things/store-down', '/api/v1/things/database-restarting']) {
        const response = await http().get(path).set('Authorization', auditor);
        expectProblem(response, 503, 'service-unavailable');
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
    });

    it('answers an unexpected error with 500 and neither its message nor a stack, and logs it with the correlation id', async () => {
      const response = await http().get('/api/v1/things/crash').set('Authorization', auditor).set('X-Correlation-Id', 'crash-1');
      const problem = expectProblem(response, 500, 'internal-error');
      expect(problem.correlationId).toBe('crash-1');
      expect(response.text).not.toMatch(/SELECT|FROM|syntax|\.ts:\d+|at /);
      expect(loggedErrors.filter((line) => line.includes('crash-1') && line.includes('SELECT secret'))).toHaveLength(1);
    });
  });

  describe('correlation', () => {
    it('echoes an acceptable X-Correlation-Id and hands it to the handler', async () => {
      const response = await http().get('/api/v1/things/whoami').set('Authorization', auditor).set('X-Correlation-Id', 'client-42:a.b_c-d');
      expect(response.headers['x-correlation-id']).toBe('client-42:a.b_c-d');
      expect(response.body.correlationId).toBe('client-42:a.b_c-d');
    });

    it('replaces an unacceptable X-Correlation-Id with a UUID, on errors too', async () => {
      const response = await http().get('/api/v1/things/whoami').set('X-Correlation-Id', 'bad id\twith spaces');
      expect(response.status).toBe(401);
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
    });
  });

  describe('the application instance', () => {
    it('sets security headers and hides the framework', async () => {
      const response = await http().get('/health/live');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('publishes the OpenAPI document with bearer auth, and the Swagger UI', async () => {
      const document = await http().get('/api/docs-json');
      expect(document.status).toBe(200);
      expect(document.body.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
      expect(Object.keys(document.body.paths)).toContain('/api/v1/things');
      expect((await http().get('/api/docs')).status).toBe(200);
    });
  });
});
