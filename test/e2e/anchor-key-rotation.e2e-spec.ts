import type { Anchor } from '@ree/audit';
import { privateTestDatabase } from '@ree/testing';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * A key rotation as an operator does it (docs/operations.md, "Security"): the service restarted with a new
 * `ANCHOR_PRIVATE_KEY_FILE` and the old public key in `ANCHOR_RETIRED_KEYS_FILE`; the anchors of both keys verify.
 */
describe('rotating the anchor key through the configuration', () => {
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;
  let dir: string;
  let app: TestApp | undefined;

  // Its own database: its anchors are signed by keys that the other suites' apps do not know.
  beforeAll(async () => {
    database = await privateTestDatabase('anchor_key_rotation');
    dir = mkdtempSync(join(tmpdir(), 'anchor-rotation-'));
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = (started: TestApp) => ({
    post: (path: string) => started.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${started.token('auditor')}`),
  });

  it('lists the retired key with its validity, signs with the new one, and checks the anchors of both as consistent', async () => {
    const write = (name: string, content: string) => {
      const file = join(dir, name);
      writeFileSync(file, content, { mode: 0o600 });
      return file;
    };
    const pemOf = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    app = await startTestApp({ DATABASE_URL: database.url, ANCHOR_PRIVATE_KEY_FILE: write('old.pem', pemOf()) });
    const oldKey = (await app.http().get('/api/v1/audit/keys').expect(200)).body.keys[0];
    const old = (await as(app).post('/audit/anchors').expect(201)).body as Anchor;
    await app.close();
    app = undefined;

    const rotatedAt = new Date().toISOString();
    app = await startTestApp({
      DATABASE_URL: database.url,
      ANCHOR_PRIVATE_KEY_FILE: write('new.pem', pemOf()),
      ANCHOR_RETIRED_KEYS_FILE: write('retired.json', JSON.stringify([{ publicKey: oldKey.publicKeyPem, validUntil: rotatedAt }])),
    });
    const { keys } = (await app.http().get('/api/v1/audit/keys').expect(200)).body;
    expect(keys).toEqual([
      expect.objectContaining({ validFrom: rotatedAt, validUntil: null, current: true }),
      { keyId: oldKey.keyId, publicKeyPem: oldKey.publicKeyPem, validFrom: null, validUntil: rotatedAt, current: false },
    ]);
    expect((await app.http().get('/api/v1/audit/public-key').expect(200)).text).toBe(keys[0].publicKeyPem);
    const fresh = (await as(app).post('/audit/anchors').expect(201)).body as Anchor;
    expect(fresh.keyId).toBe(keys[0].keyId);
    expect(old.keyId).toBe(oldKey.keyId);
    for (const anchor of [old, fresh]) {
      expect((await as(app).post(`/audit/anchors/${anchor.id}/check`).expect(200)).body).toMatchObject({ consistent: true, findings: [] });
    }
  });
});
