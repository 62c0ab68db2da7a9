import { Anchor, EventProof, TAKE_ANCHOR_QUEUE, verifyAnchor, verifyProof } from '@ree/audit';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { Role } from '@ree/platform/auth';
import { JobQueues } from '@ree/platform/jobs';
import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problem';
import { untilReadable as readable, eventually } from '@ree/testing';

/** docs/api.md, "Audit": signed anchors, the public key and inclusion proofs, through HTTP. */
describe('signed anchors and proofs over HTTP', () => {
  let app: TestApp;
  let store: EventStore;
  let queues: JobQueues;
  let publicKeyPem: string;

  beforeAll(async () => {
    app = await startTestApp();
    store = app.api.get(EVENT_STORE);
    queues = new JobQueues({ redisUrl: app.config.redisUrl, prefix: app.config.jobs.queuePrefix });
    publicKeyPem = (await app.http().get('/api/v1/audit/public-key')).text;
  });
  afterAll(async () => {
    await queues.queue(TAKE_ANCHOR_QUEUE).obliterate({ force: true });
    await queues.close();
    await app.close();
  });

  const get = (path: string, role: Role = 'auditor') => app.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${app.token(role)}`);
  const post = (path: string, role: Role = 'auditor') => app.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${app.token(role)}`);

  /** Positions become readable once every older transaction of the cluster has ended (docs/decisions.md, 1). */
  async function untilReadable(position: string): Promise<void> {
    await readable(store, position);
  }

  /** A mine registered through the API: its stream has one event, readable by anchors when this resolves. */
  async function registeredMine(): Promise<{ streamId: string; eventId: string }> {
    const response = await post('/mines', 'licensing-officer').send({
      name: `Anchor test ${randomUUID().slice(0, 8)}`,
      operator: 'Baotou Steel Rare-Earth',
      region: 'Inner Mongolia',
      country: 'CN',
      miningLicenceNo: `C${Date.now()}`,
      depositType: 'bastnaesite',
    });
    expect(response.status).toBe(201);
    await untilReadable(response.body.position);
    const streamId = `mine-${response.body.id}`;
    const [event] = await store.readStream(streamId);
    return { streamId, eventId: event.eventId };
  }

  it('publishes the public key without a token, as PEM', async () => {
    const response = await app.http().get('/api/v1/audit/public-key');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-pem-file/);
    expect(response.text).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
  });

  it('lists every key that verifies anchors with its validity, without a token; the current one is the public key', async () => {
    const response = await app.http().get('/api/v1/audit/keys').expect(200);
    expect(response.body.keys).toHaveLength(1);
    const [current] = response.body.keys;
    expect(current).toEqual({ keyId: expect.stringMatching(/^[0-9a-f]{64}$/), publicKeyPem, validFrom: null, validUntil: null, current: true });
    const anchor = (await post('/audit/anchors').expect(201)).body as Anchor;
    expect(anchor.keyId).toBe(current.keyId);
  });

  it('checks an anchor against the store: 200 with the verdict and the findings; 404 for an unknown anchor', async () => {
    await registeredMine();
    const anchor = (await post('/audit/anchors').expect(201)).body as Anchor;
    expect(anchor.logHash).toMatch(/^[0-9a-f]{64}$/);
    for (const role of ['auditor', 'licensing-officer', 'admin'] as const) {
      const response = await post(`/audit/anchors/${anchor.id}/check`, role).expect(200);
      expect(response.body).toEqual({ anchor, consistent: true, streams: anchor.streams, events: anchor.events, findings: [] });
    }
    expectProblem(await post(`/audit/anchors/${randomUUID()}/check`), 404, 'not-found');
    expectProblem(await post('/audit/anchors/latest/check'), 400, 'validation-failed');
    expectProblem(await post(`/audit/anchors/${anchor.id}/check`, 'exporter'), 403, 'forbidden-for-role');
    expectProblem(await app.http().post(`/api/v1/audit/anchors/${anchor.id}/check`), 401, 'unauthenticated');
  });

  it('takes an anchor when the worker starts and keeps one schedule every ANCHOR_INTERVAL_MS', async () => {
    const queue = queues.queue(TAKE_ANCHOR_QUEUE);
    const started: Array<{ id?: string; returnvalue: { anchorId: string } }> = await eventually(
      async () => (await queue.getCompleted()).filter((job) => job.id?.startsWith('start-')),
      (jobs) => jobs.length > 0,
      { intervalMs: 100, what: 'an anchor taken at start' },
    );
    const anchor = await get(`/audit/anchors/${started[0].returnvalue.anchorId}`);
    expect(anchor.status).toBe(200);
    expect(verifyAnchor(anchor.body, publicKeyPem)).toEqual({ valid: true, problems: [] });
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([expect.objectContaining({ key: TAKE_ANCHOR_QUEUE, every: app.config.anchorIntervalMs })]);
  });

  it('takes one now for an auditor or an admin, answers it with its Location, and lists it as the latest', async () => {
    const taken = await post('/audit/anchors');
    expect(taken.status).toBe(201);
    const anchor = taken.body as Anchor;
    expect(taken.headers.location).toBe(`/api/v1/audit/anchors/${anchor.id}`);
    expect(Object.keys(anchor).sort()).toEqual(['events', 'id', 'keyId', 'lastPosition', 'logHash', 'root', 'signature', 'streams', 'takenAt']);
    expect(verifyAnchor(anchor, publicKeyPem)).toEqual({ valid: true, problems: [] });
    expect((await get(taken.headers.location.replace('/api/v1', ''))).body).toEqual(anchor);
    expect((await get('/audit/anchors/latest', 'licensing-officer')).body).toEqual(anchor);
    const byAdmin = await post('/audit/anchors', 'admin');
    expect(byAdmin.status).toBe(201);
    expect((await get('/audit/anchors/latest', 'admin')).body).toEqual(byAdmin.body);
    expect(new Date(byAdmin.body.takenAt).getTime()).toBeGreaterThanOrEqual(new Date(anchor.takenAt).getTime());
  });

  it('lists anchors newest first, a page at a time', async () => {
    await post('/audit/anchors');
    await post('/audit/anchors');
    const first = await get('/audit/anchors').query({ limit: 2 });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.body.items[0]).toEqual((await get('/audit/anchors/latest')).body);
    const second = await get('/audit/anchors').query({ limit: 2, cursor: first.body.nextCursor });
    const ids = [...first.body.items, ...second.body.items].map((anchor: Anchor) => anchor.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...first.body.items, ...second.body.items].map((anchor: Anchor) => anchor.takenAt);
    expect(times).toEqual([...times].sort().reverse());
    for (const anchor of second.body.items) expect(verifyAnchor(anchor, publicKeyPem).valid).toBe(true);
    expectProblem(await get('/audit/anchors').query({ cursor: 'not-ours' }), 400, 'invalid-cursor');
    expectProblem(await get('/audit/anchors').query({ limit: 0 }), 400, 'validation-failed');
  });

  it('proves an event against the latest anchor, verifiable offline with the public key alone', async () => {
    const mine = await registeredMine();
    const anchor = (await post('/audit/anchors')).body as Anchor;
    const response = await get(`/audit/events/${mine.eventId}/proof`);
    expect(response.status).toBe(200);
    const proof = response.body as EventProof;
    expect(proof.anchor).toEqual(anchor);
    expect(proof.event).toMatchObject({ eventId: mine.eventId, streamId: mine.streamId, revision: 0, type: 'MineRegistered' });
    expect(proof.laterEvents).toEqual([]);
    expect(verifyProof(JSON.parse(JSON.stringify(proof)), publicKeyPem)).toEqual({ valid: true, problems: [] });
    const altered = { ...proof, event: { ...proof.event, data: { ...(proof.event.data as object), region: 'Jiangxi' } } };
    expect(verifyProof(altered, publicKeyPem).valid).toBe(false);
    expect((await get(`/audit/events/${mine.eventId}/proof`, 'licensing-officer')).status).toBe(200);
  });

  it('answers 404 for an unknown event and for one newer than the latest anchor, 400 for an id that is no UUID', async () => {
    expectProblem(await get(`/audit/events/${randomUUID()}/proof`), 404, 'not-found');
    const mine = await registeredMine();
    const notYet = expectProblem(await get(`/audit/events/${mine.eventId}/proof`), 404, 'not-found');
    expect(notYet.detail).toMatch(/newer than the latest anchor/);
    expectProblem(await get('/audit/events/not-a-uuid/proof'), 400, 'validation-failed');
    expectProblem(await get(`/audit/anchors/${randomUUID()}`), 404, 'not-found');
  });

  it('keeps anchors from exporters and customs, proofs from admins, and taking one from officers', async () => {
    expectProblem(await get('/audit/anchors', 'exporter'), 403, 'forbidden-for-role');
    expectProblem(await get('/audit/anchors/latest', 'customs-agent'), 403, 'forbidden-for-role');
    expectProblem(await get(`/audit/events/${randomUUID()}/proof`, 'exporter'), 403, 'forbidden-for-role');
    expectProblem(await get(`/audit/events/${randomUUID()}/proof`, 'admin'), 403, 'forbidden-for-role');
    expectProblem(await post('/audit/anchors', 'licensing-officer'), 403, 'forbidden-for-role');
    expectProblem(await app.http().post('/api/v1/audit/anchors'), 401, 'unauthenticated');
    expectProblem(await app.http().get('/api/v1/audit/anchors/latest'), 401, 'unauthenticated');
  });
});
