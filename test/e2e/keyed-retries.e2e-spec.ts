import { RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { consignmentStreamId, MINING_SOURCE_DECLARED } from '@ree/consignment';
import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { LICENCE_APPLIED, LICENCE_SCREENED, licenceStreamId } from '@ree/licensing';
import type { Role } from '@ree/platform/auth';
import { MINING_QUOTA_DRAWN, mineStreamId } from '@ree/registry';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/api.module';
import { failAppendsWhere, holdAppendsWhere } from '../support/append-fault';
import { startTestApp, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problem';
import { eventually } from '@ree/testing';

const ORG = 'org-e2e-keyed-retries';
const OFFICER = 'officer-e2e-keyed-retries';

const anApplication = () => ({
  consignee: { name: 'Vacuumschmelze Hanau', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' },
  endUser: { name: 'Siemens Gamesa Renewable Energy', country: 'DE', address: 'Beim Strohhause 17, Hamburg' },
  destinationCountry: 'DE',
  items: [{ product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 20000 }],
  intendedEndUse: 'Sintered NdFeB magnets for wind-turbine generators',
});

/**
 * Retries of keyed commands against the real API, worker, PostgreSQL and Redis: a first attempt
 * that fails halfway is completed by its retry as the same command (its time, its correlation id,
 * its event ids), and a key reused on another command is refused 409, never a 500.
 */
describe('keyed commands retried after a fault', () => {
  let app: TestApp;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    app = await startTestApp();
    pool = createEventStorePool(process.env.DATABASE_URL!, { max: 4, applicationName: 'keyed-retries-e2e' });
    store = new PostgresEventStore({ pool });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await app?.close();
  });

  const bearer = (role: Role, sub?: string) => `Bearer ${app.token(role, role === 'exporter' ? ORG : undefined, sub)}`;
  const post = (path: string, body: object, role: Role = 'licensing-officer', sub = OFFICER) =>
    app.http().post(`/api/v1${path}`).set('Authorization', bearer(role, sub)).send(body);
  const ofType = (events: RecordedEvent[], type: string) => events.filter((event) => event.type === type);

  /** Waits (at most 5 s) until the clock has passed `instant`, so that a retry is later in time than it. */
  async function clockPast(instant: Date): Promise<void> {
    await eventually(() => Date.now() > instant.getTime(), { timeoutMs: 5_000, intervalMs: 2, what: `the clock past ${instant.toISOString()}` });
  }

  async function withFault<T>(condition: string, attempt: () => Promise<T>): Promise<T> {
    const removeFault = await failAppendsWhere(pool, condition);
    try {
      return await attempt();
    } finally {
      await removeFault();
    }
  }

  /** A mine with 1,000 kg REO of quota, a registered consignment, and its keyed declaration of 600 kg REO from the mine. */
  async function aDeclaration() {
    const mine = await post('/mines', { name: `Bayan Obo ${randomUUID().slice(0, 8)}`, operator: 'Baotou Steel', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150000201107', depositType: 'bastnaesite' });
    const mineId: string = mine.body.id;
    expect((await post(`/mines/${mineId}/quotas`, { year: 2025, category: 'light', quotaKgReo: 1000 })).status).toBe(200);
    const registered = await post('/consignments', { product: 'NdPr oxide', productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', quantityKg: 1200, destinationCountry: 'DE' }, 'exporter');
    const consignmentId: string = registered.body.id;
    const key = `e2e-${randomUUID()}`;
    const source = { mineId, extractionBatchRef: 'BO-2025-17', kgReo: 600, extractedOn: '2025-01-15' };
    const declareOn = (http: () => ReturnType<typeof request>, correlationId: string) =>
      http()
        .post(`/api/v1/consignments/${consignmentId}/mining-sources`)
        .set('Authorization', bearer('exporter'))
        .send(source)
        .set('Idempotency-Key', key)
        .set('X-Correlation-Id', correlationId);
    const declare = (correlationId: string) => declareOn(app.http, correlationId);
    return { mineId, consignmentId, key, declare, declareOn };
  }

  async function drawnOn(mineId: string, position: string) {
    await app.waitForPosition(position);
    const read = await app.http().get(`/api/v1/mines/${mineId}`).set('Authorization', bearer('licensing-officer'));
    return read.body.quotas[0];
  }

  it('completes a declaration whose first attempt drew the quota and then failed: one draw, one declaration, one correlation id', async () => {
    const { mineId, consignmentId, declare } = await aDeclaration();
    const firstId = `first-${randomUUID()}`;

    const failed = await withFault(`NEW.stream_id = '${consignmentStreamId(consignmentId)}'`, () => declare(firstId));

    expectProblem(failed, 503, 'service-unavailable');
    const [draw] = ofType(await store.readStream(mineStreamId(mineId)), MINING_QUOTA_DRAWN);
    expect(draw.metadata.correlationId).toBe(firstId);
    expect(ofType(await store.readStream(consignmentStreamId(consignmentId)), MINING_SOURCE_DECLARED)).toEqual([]);
    await clockPast(new Date(draw.recordedAt));

    const retried = await declare(`second-${randomUUID()}`);

    expect(retried.status).toBe(200);
    expect(retried.headers['x-correlation-id']).toBe(firstId);
    const draws = ofType(await store.readStream(mineStreamId(mineId)), MINING_QUOTA_DRAWN);
    const declarations = ofType(await store.readStream(consignmentStreamId(consignmentId)), MINING_SOURCE_DECLARED);
    expect(draws).toEqual([draw]);
    expect(declarations).toHaveLength(1);
    expect(declarations[0].data).toMatchObject({ declarationId: (draw.data as { declarationId: string }).declarationId, kgReo: 600 });
    expect(declarations[0].metadata.correlationId).toBe(firstId);
    expect(Date.parse(declarations[0].recordedAt)).toBeGreaterThan(Date.parse(draw.recordedAt));
    const replayed = await declare(`third-${randomUUID()}`);
    expect([replayed.status, replayed.headers['idempotent-replayed'], replayed.body]).toEqual([200, 'true', retried.body]);
    expect(await drawnOn(mineId, retried.body.position)).toMatchObject({ drawnKgReo: 600, remainingKgReo: 400 });
  });

  it('lets a retry that races its first attempt (a claim taken over as abandoned) re-append the same events: both answer alike, one declaration', async () => {
    const { mineId, consignmentId, key, declare, declareOn } = await aDeclaration();
    const firstId = `first-${randomUUID()}`;
    // A second API process: one process runs its own appends to a stream one at a time, so the
    // race between two attempts is between processes.
    const other = await createApiApp({ config: app.config });
    await other.init();
    const held = await holdAppendsWhere(pool, `NEW.stream_id = '${consignmentStreamId(consignmentId)}'`);
    try {
      const first = declare(firstId).then((response) => response);
      await held.waiting(1);
      // The first attempt has drawn and waits to append the declaration; its claim looks abandoned.
      await app.api.get(DataSource).query(`UPDATE platform.idempotency_keys SET created_at = now() - interval '3 minutes' WHERE key = $1`, [key]);
      const second = declareOn(() => request(other.getHttpServer()), `second-${randomUUID()}`).then((response) => response);
      await held.waiting(2);
      await held.release();
      const answers = await Promise.all([first, second]);

      expect(answers.map((answer) => [answer.status, answer.headers['x-correlation-id']])).toEqual([
        [200, firstId],
        [200, firstId],
      ]);
      expect(answers[1].body).toEqual(answers[0].body);
    } finally {
      await held.remove();
      await other.close();
    }
    const declarations = ofType(await store.readStream(consignmentStreamId(consignmentId)), MINING_SOURCE_DECLARED);
    expect(declarations.map((event) => event.metadata.correlationId)).toEqual([firstId]);
    expect(ofType(await store.readStream(mineStreamId(mineId)), MINING_QUOTA_DRAWN)).toHaveLength(1);
  });

  it("screens a licence application retried after a fault as of the first attempt's time", async () => {
    const key = `e2e-${randomUUID()}`;
    const firstId = `first-${randomUUID()}`;
    const apply = (correlationId: string) =>
      post('/licences', anApplication(), 'exporter', 'exporter-keyed-retries').set('Idempotency-Key', key).set('X-Correlation-Id', correlationId);
    const sentAt = new Date();
    const failed = await withFault(`NEW.type = '${LICENCE_APPLIED}' AND NEW.metadata->>'correlationId' = '${firstId}'`, () => apply(firstId));
    const answeredAt = new Date();
    expectProblem(failed, 503, 'service-unavailable');
    await clockPast(answeredAt);

    const retried = await apply(`second-${randomUUID()}`);

    expect(retried.status).toBe(201);
    const licence = await store.readStream(licenceStreamId(retried.body.id));
    expect(licence.map((event) => [event.type, event.metadata.correlationId])).toEqual([
      [LICENCE_APPLIED, firstId],
      [LICENCE_SCREENED, firstId],
    ]);
    const screenedAt = Date.parse((licence[1].data as { screenedAt: string }).screenedAt);
    expect(screenedAt).toBeGreaterThanOrEqual(sentAt.getTime());
    expect(screenedAt).toBeLessThanOrEqual(answeredAt.getTime());
    expect(Date.parse(licence[1].recordedAt)).toBeGreaterThan(answeredAt.getTime());
  });

  it('answers a key reused on another command of the same licence 409 event-id-conflict, writing nothing', async () => {
    const applied = await post('/licences', anApplication(), 'exporter', 'exporter-keyed-retries');
    const id = applied.body.id;
    expect((await post(`/licences/${id}/approve`, { validFrom: '2025-01-01', validUntil: '2099-12-31', conditions: [] })).status).toBe(200);
    expect((await post(`/licences/${id}/issue`, {}, 'licensing-officer', `${OFFICER}-countersigner`)).status).toBe(200);
    const key = `e2e-${randomUUID()}`;
    expect((await post(`/licences/${id}/suspend`, { reason: 'End-use check pending' }).set('Idempotency-Key', key)).status).toBe(200);
    const before = await store.readStream(licenceStreamId(id));

    const reused = await post(`/licences/${id}/reinstate`, { reason: 'End-use check passed' }).set('Idempotency-Key', key);

    expectProblem(reused, 409, 'event-id-conflict');
    expect(await store.readStream(licenceStreamId(id))).toEqual(before);
  });
});
