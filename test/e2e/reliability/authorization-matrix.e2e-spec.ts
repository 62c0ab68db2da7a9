import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { expectProblem } from '../../support/problem';
import { refusedBearers } from '../../support/tokens';
import { PERSON_ROLES, ROUTE_ACCESS } from '../../support/route-access';
import { discoverRoutes, pathWith, routeKey, routeOf } from '../../support/routes';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * docs/quality.md, "Reliability" (authorisation matrix): every served route × every role, plus requests without a
 * valid token. Ids in paths do not exist and bodies are empty: authorisation must answer before
 * validation or a lookup, so an allowed role never sees 401/403 and a refused one always sees 403.
 */
describe('authorisation matrix', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  function send(key: string, authorization?: string) {
    const { method, path } = routeOf(key);
    const url = pathWith(path, () => randomUUID());
    const request = method === 'POST' ? app.http().post(url).send({}) : app.http().get(url);
    return authorization === undefined ? request : request.set('Authorization', authorization);
  }

  const bearerFor = (role: (typeof PERSON_ROLES)[number]) => `Bearer ${app.token(role)}`;
  /** `{ allowed: true }`, or what came back instead: neither 401/403 nor a fault of ours. */
  const answeredBeyondAuth = (response: Response) =>
    [401, 403].includes(response.status) || response.status >= 500 ? { status: response.status, code: response.body?.code } : { allowed: true };

  it('has a row for every route the API serves, and none for a route it no longer serves', () => {
    const served = discoverRoutes(app.api).map(routeKey);
    const rows = Object.keys(ROUTE_ACCESS);
    expect({
      servedWithoutRow: served.filter((key) => !rows.includes(key)),
      rowsWithoutRoute: rows.filter((key) => !served.includes(key)),
    }).toEqual({ servedWithoutRow: [], rowsWithoutRoute: [] });
  });

  describe.each(Object.entries(ROUTE_ACCESS))('%s', (key, access) => {
    it.each(PERSON_ROLES)('as %s', async (role) => {
      const response = await send(key, bearerFor(role));
      if (access === 'public' || access.includes(role)) {
        expect(answeredBeyondAuth(response)).toEqual({ allowed: true });
      } else {
        expectProblem(response, 403, 'forbidden-for-role');
      }
    });

    if (access === 'public') {
      it('without a token', async () => {
        expect(answeredBeyondAuth(await send(key))).toEqual({ allowed: true });
      });
      return;
    }

    it('without a token: 401', async () => {
      const response = await send(key);
      expectProblem(response, 401, 'unauthenticated');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });

    it.each(['expired', 'wrong signature', 'alg none', 'wrong issuer', 'wrong audience', 'system role', 'not a JWT'])(
      'with a token that is refused (%s): 401',
      async (name) => {
        const refused = refusedBearers(app.config, { role: access[0], org: 'org-matrix' })[name];
        expectProblem(await send(key, refused), 401, 'unauthenticated');
      },
    );
  });
});
