import { randomUUID } from 'node:crypto';
import { expectProblem } from '../support/problem';
import { testConfig } from '../support/test-config';
import { bearer } from '../support/tokens';
import { positions, runs, useConventionsApp, validBody } from '../support/conventions-app';

describe('HTTP conventions: repeated requests and reads after writes', () => {
  const config = testConfig({ READ_YOUR_WRITES_TIMEOUT_MS: '400' });
  const exporter = bearer({ role: 'exporter', org: 'org-lanthanide', sub: 'exporter-1' }, config);
  const auditor = bearer({ role: 'auditor', sub: 'auditor-1' }, config);
  const { http, dataSource } = useConventionsApp(config);

  describe('Idempotency-Key', () => {
    it('runs 100 concurrent identical POSTs once and gives 100 identical answers', async () => {
      const product = `praseodymium-${randomUUID()}`;
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 100 }, () => http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', key).send(validBody(product))),
      );
      expect(runs.get(product)).toBe(1);
      const answers = new Set(responses.map((response) => JSON.stringify([response.status, response.headers.location, response.body])));
      expect(answers.size).toBe(1);
      const [first] = responses;
      expect(first.status).toBe(201);
      expect(first.headers.location).toBe(`/api/v1/things/${first.body.id}`);
    });

    it('answers 422 idempotency-key-reused for the same key with another body', async () => {
      const key = randomUUID();
      const product = `cerium-${randomUUID()}`;
      expect((await http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', key).send(validBody(product))).status).toBe(201);
      const response = await http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', key).send({ ...validBody(product), quantityKg: 13 });
      expectProblem(response, 422, 'idempotency-key-reused');
      expect(runs.get(product)).toBe(1);
    });

    it('scopes a key by the caller: another caller with the same key runs its own request', async () => {
      const key = randomUUID();
      const product = `terbium-${randomUUID()}`;
      const other = bearer({ role: 'exporter', org: 'org-other', sub: 'exporter-2' }, config);
      const first = await http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', key).send(validBody(product));
      const second = await http().post('/api/v1/things').set('Authorization', other).set('Idempotency-Key', key).send(validBody(product));
      expect(second.body.id).not.toBe(first.body.id);
      expect(runs.get(product)).toBe(2);
    });

    it('keeps nothing after a failed first request, so that a retry runs again', async () => {
      const key = randomUUID();
      const before = runs.get('failing') ?? 0;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        expectProblem(await http().post('/api/v1/things/failing').set('Authorization', exporter).set('Idempotency-Key', key).send({ attempt: 1 }), 422, 'quota-exceeded');
      }
      expect(runs.get('failing')).toBe(before + 2);
      const rows = await dataSource().query('SELECT 1 FROM platform.idempotency_keys WHERE key = $1', [key]);
      expect(rows).toHaveLength(0);
    });

    it('refuses a key over 200 characters', async () => {
      const response = await http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', 'k'.repeat(201)).send(validBody('long-key'));
      expectProblem(response, 400, 'invalid-idempotency-key');
    });
  });

  describe('X-Min-Position', () => {
    it('waits until the read models reach the position', async () => {
      const target = positions.current + 5n;
      const pending = http().get('/api/v1/things/read').set('Authorization', auditor).set('X-Min-Position', target.toString()).then((response) => response);
      setTimeout(() => positions.advanceTo(target), 50);
      const response = await pending;
      expect(response.status).toBe(200);
      expect(BigInt(response.body.position)).toBeGreaterThanOrEqual(target);
      expect(response.headers['x-stale']).toBeUndefined();
    });

    it('answers anyway, marked X-Stale, when the read models do not catch up in time', async () => {
      const response = await http().get('/api/v1/things/read').set('Authorization', auditor).set('X-Min-Position', (positions.current + 1_000n).toString());
      expect(response.status).toBe(200);
      expect(response.headers['x-stale']).toBe('true');
    });

    it('answers 400 for a position that is not a decimal number', async () => {
      expectProblem(await http().get('/api/v1/things/read').set('Authorization', auditor).set('X-Min-Position', '12abc'), 400, 'invalid-min-position');
    });
  });
});
