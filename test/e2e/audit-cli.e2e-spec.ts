import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Pool } from 'pg';
import { privateTestDatabase } from '@ree/testing';
import { tamperWithEvents } from '../support/tamper';
import { startTestApp, TestApp } from '../support/test-app';
import { AuditedConsignment, consignmentWithSuspendedLicence } from '../support/audited-consignment';

const ROOT = path.resolve(__dirname, '..', '..');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `npm run audit -- …` as an auditor runs it, against the test app listening on a free port. Each
 * run starts Node and ts-node (about a second of CPU), so the runs go side by side and the tests
 * get a minute on a busy machine.
 */
jest.setTimeout(180_000);

describe('the auditor’s command line (npm run audit)', () => {
  let app: TestApp;
  let apiUrl: string;
  let audited: AuditedConsignment;
  let history: { events: Array<{ type: string; position: string; recordedAt: string }> };
  let suspension: { position: string; recordedAt: string };
  let beforeSuspension: string;
  /** The runs that need nothing before them start at once, side by side: each pays Node's and ts-node's start. */
  let runs: Record<'now' | 'then' | 'clean' | 'usage' | 'refused' | 'anchorClean' | 'anchorUsage', Promise<Run>>;
  let anchorId: string;

  // Its own database: the test rewrites a stored event past the trigger, which later replays of the shared one must not meet.
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;

  beforeAll(async () => {
    database = await privateTestDatabase('audit_cli');
    app = await startTestApp({ DATABASE_URL: database.url });
    await app.api.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(app.api.getHttpServer().address() as AddressInfo).port}`;
    audited = await consignmentWithSuspendedLicence(app);
    history = (await app.http().get(`/api/v1/consignments/${audited.consignmentId}/history`).set('Authorization', `Bearer ${app.token('auditor')}`)).body;
    suspension = history.events.find((event) => event.type === 'LicenceSuspended')!;
    beforeSuspension = new Date(Date.parse(suspension.recordedAt) - 1).toISOString();
    const id = audited.consignmentId;
    anchorId = (await app.http().post('/api/v1/audit/anchors').set('Authorization', `Bearer ${app.token('auditor')}`).expect(201)).body.id;
    runs = {
      anchorClean: audit(['check-anchor', 'latest']),
      anchorUsage: audit(['check-anchor', 'yesterday']),
      now: audit(['replay', id]),
      then: audit(['replay', id, '--as-of', beforeSuspension]),
      clean: audit(['verify', id, '--page-size', '2'], { AUDIT_TOKEN: '' }),
      usage: audit(['rewind', 'not-a-uuid']),
      refused: audit(['verify', id], { AUDIT_TOKEN: app.token('exporter') }),
    };
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  function audit(args: string[], env: Record<string, string> = {}): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'audit.js'), ...args], {
        cwd: ROOT,
        env: { ...process.env, API_URL: apiUrl, AUDIT_TOKEN: app.token('auditor'), ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('replays the timeline as a table with the state after each step, now and as of an earlier instant', async () => {
    const [now, then] = await Promise.all([runs.now, runs.then]);

    expect([now.code, now.stderr]).toEqual([0, '']);
    const lines = now.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Consignment ${audited.consignmentId}: ${history.events.length} events`);
    expect(lines[2]).toMatch(/^POSITION\s+TIME \(UTC\)\s+STREAM\s+REV\s+TYPE\s+ACTOR\s+SUMMARY\s+STATE AFTER$/);
    const rows = lines.slice(4, -1);
    expect(rows).toHaveLength(history.events.length);
    expect(rows.find((row) => row.includes('MiningSourceDeclared'))).toMatch(/consignment-\w{8}\s+2\s+MiningSourceDeclared .* sourced\s+✓·····$/);
    expect(rows.at(-1)).toMatch(new RegExp(`^${suspension.position}\\s+\\S+ \\S+\\s+licence-\\w{8}\\s+\\d+\\s+LicenceSuspended\\s+${audited.suspendedBy} \\(licensing-officer\\).*licensed\\s+✓✓✗···$`));
    expect(lines.at(-1)).toMatch(/^State: licensed\s+✓✓✗···$/);

    expect(then.code).toBe(0);
    expect(then.stdout).toContain(`as of ${beforeSuspension}`);
    expect(then.stdout).not.toContain('LicenceSuspended');
    expect(then.stdout.trimEnd().split('\n').at(-1)).toMatch(/^State: licensed\s+✓✓✓···$/);
  });

  it('verifies every chain, with progress on streams longer than a page, and names a broken one with exit code 1', async () => {
    const clean = await runs.clean;
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(new RegExp(`✓ consignment-${audited.consignmentId}: 5 events, head [0-9a-f]{64}`));
    expect(clean.stdout).toMatch(/^Valid: every link of 3 streams holds \(\d+ events\)\.$/m);
    // What the chain cannot show is the anchors': the latest one is named, with the command that checks it.
    expect(clean.stdout).toMatch(/^The chain cannot show a deleted tail or a stream rewritten with the key(: check the latest anchor \([0-9a-f-]{36}, .+\) with npm run audit -- check-anchor [0-9a-f-]{36}|, and no anchor has been taken yet to check them against\.)$/m);
    expect(clean.stderr).toMatch(new RegExp(`^  licence-${audited.licenceId}: 2 events checked…$`, 'm'));
    expect(clean.stderr).toMatch(new RegExp(`^  licence-${audited.licenceId}: 4 events checked…$`, 'm'));

    const pool = new Pool({ connectionString: database.url, max: 1 });
    try {
      await tamperWithEvents(pool, `UPDATE event_store.events SET data = jsonb_set(data, '{kgReo}', '1400') WHERE stream_id = $1 AND revision = 2`, [
        `consignment-${audited.consignmentId}`,
      ]);
    } finally {
      await pool.end();
    }
    const broken = await audit(['verify', audited.consignmentId]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`✗ consignment-${audited.consignmentId}: BROKEN at revision 2, hash (5 events stored)`);
    expect(broken.stdout).toContain(`✓ licence-${audited.licenceId}`);
    expect(broken.stdout.trimEnd().split('\n').at(-1)).toBe(`BROKEN: consignment-${audited.consignmentId} at revision 2.`);
  });

  it('checks an anchor against the store: consistent before the tampering, the stream and revision named after it', async () => {
    const clean = await runs.anchorClean;
    expect([clean.code, clean.stderr]).toEqual([0, `Checking anchor ${anchorId} against the store (every event up to its position is read)…\n`]);
    expect(clean.stdout).toMatch(new RegExp(`^Anchor ${anchorId} taken \\S+ by key [0-9a-f]{16}…: \\d+ streams, \\d+ events up to position \\d+$`, 'm'));
    expect(clean.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Consistent: the store holds what the anchor signed \(\d+ events\)\.$/);

    // The previous test changed revision 2 of the consignment's stream below this anchor.
    const broken = await audit(['check-anchor', anchorId]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`✗ chain-broken consignment-${audited.consignmentId} revision 2: `);
    expect(broken.stdout.trimEnd().split('\n').at(-1)).toMatch(/^NOT CONSISTENT: \d+ finding\(s\)/);
    const usage = await runs.anchorUsage;
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringMatching(/^yesterday is neither an anchor id \(a UUID\) nor latest\./)]);
  });

  it('ends with 2 and a message for a mistake in the command line or a refusal by the API', async () => {
    const [usage, refused] = await Promise.all([runs.usage, runs.refused]);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringMatching(/^Unknown command rewind\.\nusage: npm run audit -- <command>/)]);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('answered 403 forbidden-for-role')]);
  });
});
