import { EVENT_STORE, EventStore } from '@ree/event-store';
import { seed } from '../../infra/seed/seed';
import type { SeedClient } from '../../infra/seed/seed-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('npm run seed', () => {
  let app: TestApp;
  let client: SeedClient;

  beforeAll(async () => {
    app = await startTestApp();
    const bearer = (actor: { role: Parameters<TestApp['token']>[0]; org?: string; sub: string }) => `Bearer ${app.token(actor.role, actor.org, actor.sub)}`;
    client = {
      post: async (actor, path, body, key) => {
        const response = await app.http().post(`/api/v1${path}`).set('Authorization', bearer(actor)).set('Idempotency-Key', key).send(body);
        return { status: response.status, body: response.body };
      },
      get: async (actor, path, minPosition) => {
        const request = app.http().get(`/api/v1${path}`).set('Authorization', bearer(actor));
        const response = await (minPosition ? request.set('X-Min-Position', minPosition) : request);
        return { status: response.status, body: response.body };
      },
    };
  });
  afterAll(() => app.close());

  it('loads every registry, licence state and consignment stage from registered to closed, meeting every rule it means to, then changes nothing when run again', async () => {
    const label = `seed-test-${Date.now()}`;
    const report = await seed(client, label);

    expect(report.unexpected).toEqual([]);
    expect(report.created).toMatchObject({ mines: 4, 'listed parties': 4, 'issued licences': 4, revocations: 1, rejections: 1 });
    expect(report.created.consignments).toBeGreaterThanOrEqual(25);
    expect(report.created).toMatchObject({ 'shipments declared': expect.any(Number), releases: expect.any(Number), 'end-use checks': 2, closed: 1 });
    // The diverted check's licence, suspended by the system's END_USE_VIOLATION job before the seed returned.
    expect(report.created['system suspensions']).toBe(1);
    expect(Object.keys(report.refused).sort()).toEqual([
      'end-use-declaration-missing',
      'four-eyes-required',
      'invalid-transition',
      'licence-balance-exceeded',
      'licence-not-active',
      'licence-scope-mismatch',
      'mass-balance-violation',
      'quota-exceeded',
      'restricted-party-match',
    ]);

    const store = app.api.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const again = await seed(client, label);
    // Every success replays its first answer; refusals are decided again on the later state, and still write nothing.
    expect(again.created).toEqual(report.created);
    expect(await store.headPosition()).toBe(head);
    // Two seeds through HTTP: about 15 s on a quiet machine, over a minute on a busy one.
  }, 300_000);
});
