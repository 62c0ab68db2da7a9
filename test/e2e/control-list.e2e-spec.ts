import type { Role } from '@ree/platform/auth';
import { eventually } from '@ree/testing';
import { referenceAnnouncementId } from '@ree/registry';
import { NO_18, NO_57, NO_61, NO_62, NO_70 } from '@ree/registry/domain';
import { randomUUID } from 'node:crypto';
import { expectProblem } from '../support/problem';
import { startTestApp, TestApp } from '../support/test-app';

const EVERY_ROLE: Role[] = ['exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin'];

/** Every date boundary of the reference announcements: the day before and the day of each effective date, the suspension's first and last day and the day after. */
const BOUNDARIES: Array<{ on: string; why: string; Dy: boolean; Ho: boolean }> = [
  { on: '2025-04-03', why: 'the day before No. 18', Dy: false, Ho: false },
  { on: '2025-04-04', why: 'No. 18 in effect', Dy: true, Ho: false },
  { on: '2025-10-08', why: 'the day before Nos. 61 and 62', Dy: true, Ho: false },
  { on: '2025-10-09', why: 'Nos. 61 and 62 in effect (no goods entry)', Dy: true, Ho: false },
  { on: '2025-11-06', why: 'the day before No. 70', Dy: true, Ho: false },
  { on: '2025-11-07', why: 'No. 70: the suspension’s first day', Dy: true, Ho: false },
  { on: '2025-11-08', why: 'No. 57 in effect, but suspended', Dy: true, Ho: false },
  { on: '2026-01-15', why: 'inside the suspension', Dy: true, Ho: false },
  { on: '2026-11-10', why: 'the suspension’s last day', Dy: true, Ho: false },
  { on: '2026-11-11', why: 'the day after the suspension', Dy: true, Ho: true },
  { on: '2026-11-15', why: 'after the suspension', Dy: true, Ho: true },
];

describe('the control list over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const bearer = (role: Role, sub?: string) => `Bearer ${app.token(role, role === 'exporter' ? 'org-e2e' : undefined, sub)}`;
  const get = (path: string, role: Role = 'exporter') => app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));
  const postAs = (sub: string, path: string, body: object = {}) =>
    app.http().post(`/api/v1${path}`).set('Authorization', bearer('licensing-officer', sub)).send(body);
  const classification = (element: string, on: string, productForm = 'separated-oxide', hsCode = '2846.90') =>
    get(`/classification?element=${element}&productForm=${productForm}&hsCode=${hsCode}&on=${on}`);

  /** The reference data is appended on start (before the API answers); the projection has it once the history shows every announcement adopted. */
  const referenceDataProjected = () =>
    eventually(
      async () => {
        const history = await get('/control-list/history');
        const adopted: string[] = (history.body.announcements ?? []).filter((a: { status: string }) => a.status === 'adopted').map((a: { number: string }) => a.number);
        return [NO_18, NO_57, NO_61, NO_62, NO_70].every((number) => adopted.includes(number));
      },
      { what: 'the reference announcements projected as adopted' },
    );

  describe('the reference announcements, taken in on first start', () => {
    beforeAll(() => referenceDataProjected());

    it.each(BOUNDARIES)('$on ($why): dysprosium oxide controlled $Dy, holmium oxide controlled $Ho, cerium oxide never', async ({ on, Dy, Ho }) => {
      const [dy, ho, ce] = await Promise.all([classification('Dy', on), classification('Ho', on), classification('Ce', on)]);
      expect([dy.status, ho.status, ce.status]).toEqual([200, 200, 200]);
      expect([dy.body.controlled, ho.body.controlled, ce.body.controlled]).toEqual([Dy, Ho, false]);
      expect(dy.body.licenceRequired).toBe(Dy);
      expect(ho.body.licenceRequired).toBe(Ho);
      expect(ce.body).toMatchObject({ on, controlled: false, controlCode: null, licenceRequired: false, entries: [], hsCodeMatches: true, listPosition: expect.any(String) });
      expect(ce.body.reasons.at(-1)).toMatch(/catch-all is not assessed here/);
    });

    it('answers with the entry and the announcement behind it, and flags an HS code its entries do not name', async () => {
      const dy = await classification('Dy', '2026-01-15');
      expect(dy.body).toMatchObject({
        on: '2026-01-15',
        controlled: true,
        controlCode: '1C905.b',
        licenceRequired: true,
        hsCodeMatches: true,
        entries: [{ controlCode: '1C905.b', announcement: NO_18, effectiveOn: '2025-04-04', textUrl: expect.stringMatching(/^https?:\/\//) }],
      });
      expect(dy.body.reasons[0]).toMatch(/Listed under 1C905\.b .* by MOFCOM\/GACC Announcement No\. 18 of 2025/);
      expect((await classification('Dy', '2026-01-15', 'separated-oxide', '2846.10')).body).toMatchObject({ controlled: true, hsCodeMatches: false });
      const ho = await classification('Ho', '2026-11-15', 'metal', '2805.30');
      expect(ho.body).toMatchObject({ controlled: true, controlCode: '1C909.a', entries: [{ announcement: NO_57, effectiveOn: '2025-11-08' }] });
    });

    it('lists the entries in force on a day with their source, to every role', async () => {
      for (const role of EVERY_ROLE) {
        const during = await get('/control-list?asOf=2026-01-15', role);
        expect(during.status).toBe(200);
        const codes = during.body.entries.map((e: { entry: { controlCode: string } }) => e.entry.controlCode);
        expect(codes).toEqual(expect.arrayContaining(['1C902.a', '1C905.b', '1C908.c']));
        expect(codes.some((code: string) => code.startsWith('1C909') || code.startsWith('1E902'))).toBe(false);
        expect(during.body).toMatchObject({ day: '2026-01-15', listPosition: expect.any(String) });
      }
      const after = await get('/control-list?asOf=2026-11-11');
      const sources = Object.fromEntries(after.body.entries.map((e: { entry: { controlCode: string }; source: { number: string } }) => [e.entry.controlCode, e.source.number]));
      expect(sources).toMatchObject({ '1C905.b': NO_18, '1C909.b': NO_57, '1E902.a': NO_62 });
      expect((await get('/control-list')).body.day).toBe(new Date().toISOString().slice(0, 10));
    });

    it('shows the history: each reference announcement adopted by the system, with its citation', async () => {
      const history = await get('/control-list/history', 'auditor');
      expect(history.status).toBe(200);
      const byNumber = Object.fromEntries(history.body.announcements.map((a: { number: string }) => [a.number, a]));
      expect(byNumber[NO_70]).toMatchObject({
        status: 'adopted',
        proposedBy: 'registry.reference-data',
        adoptedBy: 'registry.reference-data',
        effectiveOn: '2025-11-07',
        citation: expect.stringMatching(/Read:/),
      });
      expect(byNumber[NO_70].changes).toContainEqual({ kind: 'suspend', target: { announcement: NO_57 }, from: '2025-11-07', until: '2026-11-10' });
      expect(byNumber[NO_61]).toMatchObject({ changes: [], note: expect.stringMatching(/0\.1 %/) });
      const no18 = await get(`/control-list/announcements/${referenceAnnouncementId(NO_18)}`, 'customs-agent');
      expect(no18.body).toMatchObject({ number: NO_18, status: 'adopted', effectiveOn: '2025-04-04', publishedOn: '2025-04-04' });
      expect(no18.body.changes).toHaveLength(21);
    });

    it('refuses bad dates and items with a 400 problem', async () => {
      expectProblem(await get('/control-list?asOf=2026-02-30'), 400, 'validation-failed');
      expectProblem(await classification('Dy', '15-01-2026'), 400, 'validation-failed');
      expectProblem(await classification('Xx', '2026-01-15'), 400, 'validation-failed');
      expectProblem(await classification('Dy', '2026-01-15', 'powder'), 400, 'validation-failed');
      expectProblem(await classification('Dy', '2026-01-15', 'metal', '28A5'), 400, 'validation-failed');
    });
  });

  describe('announcements taken in by two officers', () => {
    const anAnnouncement = (number: string) => ({
      number,
      issuer: 'Ministry of Commerce (MOFCOM)',
      publishedOn: '2090-01-01',
      effectiveOn: '2090-02-01',
      textUrl: 'https://www.mofcom.gov.cn/e2e',
      changes: [
        { kind: 'add', entry: { controlCode: '1C999.b', description: 'Promethium compounds (e2e)', elements: ['Pm'], productForms: ['other'], referenceHsCodes: ['2846.90'] } },
      ],
    });

    it('counts an announcement only once a second officer adopts it; the proposer cannot', async () => {
      const number = `E2E Announcement ${randomUUID()}`;
      const proposer = `officer-${randomUUID()}`;
      const proposed = await postAs(proposer, '/control-list/announcements', anAnnouncement(number));
      expect(proposed.status).toBe(201);
      expect(proposed.headers.location).toBe(`/api/v1/control-list/announcements/${proposed.body.id}`);
      const id = proposed.body.id;
      await app.waitForPosition(proposed.body.position);
      expect((await get(`/control-list/announcements/${id}`)).body).toMatchObject({ status: 'proposed', proposedBy: proposer, adoptedBy: null });
      expect((await classification('Pm', '2090-02-01', 'other')).body.controlled).toBe(false);

      expectProblem(await postAs(proposer, `/control-list/announcements/${id}/adopt`), 422, 'four-eyes-required');
      const adopted = await postAs(`officer-${randomUUID()}`, `/control-list/announcements/${id}/adopt`);
      expect(adopted.status).toBe(200);
      await app.waitForPosition(adopted.body.position);

      expect((await classification('Pm', '2090-01-31', 'other')).body.controlled).toBe(false);
      const pm = await classification('Pm', '2090-02-01', 'other');
      expect(pm.body).toMatchObject({ controlled: true, controlCode: '1C999.b', entries: [{ announcement: number }] });

      const again = await postAs(`officer-${randomUUID()}`, '/control-list/announcements', anAnnouncement(number));
      expectProblem(again, 422, 'announcement-number-taken');
      expectProblem(await postAs(proposer, `/control-list/announcements/${randomUUID()}/adopt`), 404, 'not-found');
    });

    it('a proposal sent again with the same Idempotency-Key is the same announcement', async () => {
      const body = anAnnouncement(`E2E ${randomUUID()}`);
      const key = randomUUID();
      const send = () => app.http().post('/api/v1/control-list/announcements').set('Authorization', bearer('licensing-officer', 'officer-key')).set('Idempotency-Key', key).send(body);
      const [first, second] = [await send(), await send()];
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body).toEqual(first.body);
    });

    it('a rejected proposal never counts, and is not adopted afterwards', async () => {
      const proposed = await postAs('officer-a', '/control-list/announcements', { ...anAnnouncement(`E2E ${randomUUID()}`), effectiveOn: '2090-03-01' });
      const rejected = await postAs('officer-a', `/control-list/announcements/${proposed.body.id}/reject`, { reason: 'Withdrawn: misread' });
      expect(rejected.status).toBe(200);
      expectProblem(await postAs('officer-b', `/control-list/announcements/${proposed.body.id}/adopt`), 422, 'invalid-transition');
      await app.waitForPosition(rejected.body.position);
      expect((await get(`/control-list/announcements/${proposed.body.id}`)).body).toMatchObject({ status: 'rejected', rejectedBy: 'officer-a', rejectionReason: 'Withdrawn: misread' });
    });

    it('refuses what an officer would not take in: 422 for the rules, 400 for malformed changes', async () => {
      const base = anAnnouncement(`E2E ${randomUUID()}`);
      expectProblem(await postAs('officer-a', '/control-list/announcements', { ...base, effectiveOn: '2089-12-31' }), 422, 'announcement-dates-invalid');
      const backwards = { ...base, changes: [{ kind: 'suspend', target: { controlCode: '1C905.b' }, from: '2090-03-01', until: '2090-02-01' }] };
      expectProblem(await postAs('officer-a', '/control-list/announcements', backwards), 422, 'suspension-period-invalid');
      const badEntry = { ...base, changes: [{ kind: 'add', entry: { ...base.changes[0].entry, elements: ['Xx'] } }] };
      expectProblem(await postAs('officer-a', '/control-list/announcements', badEntry), 400, 'validation-failed');
      const twoTargets = { ...base, changes: [{ kind: 'lift', target: { controlCode: '1C905.b', announcement: NO_18 }, on: '2090-03-01' }] };
      expectProblem(await postAs('officer-a', '/control-list/announcements', twoTargets), 400, 'validation-failed');
      expectProblem(await postAs('officer-a', '/control-list/announcements', { ...base, publishedOn: '2090-02-29' }), 400, 'validation-failed');
      const exporter = await app.http().post('/api/v1/control-list/announcements').set('Authorization', bearer('exporter')).send(base);
      expect(exporter.status).toBe(403);
    });
  });
});
