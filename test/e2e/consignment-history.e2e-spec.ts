import { eventHash, PostgresEventStore } from '@ree/event-store';
import { type Role } from '@ree/platform/auth';
import { chainSealOf } from '@ree/platform/event-store';
import type { RecordedEvent } from '@ree/shared-kernel';
import { Pool } from 'pg';
import { configuredFlagPolicy, reviewDocument } from '@ree/review';
import { randomUUID } from 'node:crypto';
import { tamperWithEvents } from '../support/tamper';
import { startTestApp, TestApp } from '../support/test-app';
import { AuditedConsignment, consignmentWithSuspendedLicence } from '../support/audited-consignment';
import { expectProblem } from '../support/problem';

interface HistoryEvent {
  eventId: string;
  streamId: string;
  type: string;
  revision: number;
  position: string;
  recordedAt: string;
  actor: { sub: string; role: string };
  correlationId: string;
  causationId: string | null;
  hash: string;
  prevHash: string;
  seal: string;
  transactionId: string;
  schemaVersion: number;
  data: unknown;
}

const ENVELOPE = ['eventId', 'streamId', 'type', 'schemaVersion', 'revision', 'position', 'transactionId', 'recordedAt', 'actor', 'correlationId', 'causationId', 'hash', 'prevHash', 'seal', 'data'];

/** docs/api.md, "Audit": a consignment's history as of any point, and the integrity of its streams, through HTTP. */
describe('a consignment’s history and integrity over HTTP', () => {
  let app: TestApp;
  let audited: AuditedConsignment;
  let whole: { events: HistoryEvent[]; steps: Array<{ position: string; status: string | null; stages: Record<string, string> }>; state: Record<string, unknown> };

  beforeAll(async () => {
    // A separation floor above the step's yield of 0.9 (the default floor is 0.9): LOW_YIELD only with the configured policy.
    app = await startTestApp({ LOW_YIELD_FLOORS: 'separation=0.95' });
    audited = await consignmentWithSuspendedLicence(app);
    whole = (await history()).body;
  });
  afterAll(() => app.close());

  function get(path: string, role: Role = 'auditor') {
    return app.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${app.token(role, role === 'exporter' ? 'org-e2e-audit-reader' : undefined)}`);
  }
  async function history(query: Record<string, string | number> = {}, role: Role = 'auditor') {
    const response = await get(`/consignments/${audited.consignmentId}/history`, role).query(query);
    expect(response.status).toBe(200);
    return response;
  }
  const streamsOf = (events: HistoryEvent[]) => [...new Set(events.map((event) => event.streamId))].sort();
  const ofStream = (events: HistoryEvent[], prefix: string) => events.filter((event) => event.streamId.startsWith(prefix));
  const recorded = ({ actor, correlationId, causationId, hash, prevHash, seal, ...event }: HistoryEvent): RecordedEvent => ({
    ...event,
    metadata: { actor, correlationId, causationId, hash, prevHash, seal },
  });

  it('merges the consignment’s, its licence’s and its mine’s events in global order, each with its whole envelope', () => {
    const { events } = whole;
    const { consignmentId, licenceId, mineId } = audited;
    expect(streamsOf(events)).toEqual([`consignment-${consignmentId}`, `licence-${licenceId}`, `mine-${mineId}`].sort());
    const positions = events.map((event) => BigInt(event.position));
    positions.slice(1).forEach((position, index) => expect(position > positions[index]).toBe(true));
    events.forEach((event) => expect(Object.keys(event).sort()).toEqual([...ENVELOPE].sort()));
    expect(ofStream(events, 'consignment-').map((event) => [event.revision, event.type])).toEqual([
      [0, 'ConsignmentRegistered'],
      [1, 'ConsignmentClassified'],
      [2, 'MiningSourceDeclared'],
      [3, 'ProcessingStepRecorded'],
      [4, 'LicenceAttached'],
    ]);
    expect(ofStream(events, 'mine-').map((event) => event.type)).toEqual(['MineRegistered', 'MiningQuotaAllocated', 'MiningQuotaDrawn']);
    expect(ofStream(events, 'licence-').at(-1)).toMatchObject({
      type: 'LicenceSuspended',
      actor: { sub: audited.suspendedBy, role: 'licensing-officer' },
      correlationId: audited.suspensionCorrelationId,
    });
    for (const prefix of ['consignment-', 'licence-', 'mine-']) {
      const stream = ofStream(events, prefix);
      expect(stream.map((event) => event.revision)).toEqual(stream.map((_, index) => index));
      expect(stream.map((event) => event.prevHash)).toEqual(['0'.repeat(64), ...stream.slice(0, -1).map((event) => event.hash)]);
    }
    // Every hash can be recomputed from the answer alone: it shows the whole envelope the hash covers.
    expect(events.map((event) => eventHash(recorded(event)))).toEqual(events.map((event) => event.hash));
  });

  it('shows the review document folded from exactly the events listed, with the configured flag policy, and the state after each of them', () => {
    const { events, steps, state } = whole;
    expect(state).toEqual(reviewDocument(events.map(recorded), audited.consignmentId, configuredFlagPolicy(app.config)));
    expect(state).toMatchObject({ status: 'licensed', licence: { licenceId: audited.licenceId, status: 'suspended' } });
    expect(state.flags).toEqual([expect.objectContaining({ code: 'LOW_YIELD', clearedAt: null })]);
    expect(reviewDocument(events.map(recorded), audited.consignmentId).flags).toEqual([]);
    expect(steps.map((step) => step.position)).toEqual(events.map((event) => event.position));
    expect(steps.at(-1)).toMatchObject({ status: 'licensed', stages: { mining: 'done', processing: 'flagged', licence: 'blocked' } });
    const attached = events.findIndex((event) => event.type === 'LicenceAttached');
    expect(steps[attached]).toMatchObject({ status: 'licensed', stages: { licence: 'done' } });
    expect(steps[0]).toMatchObject({ status: null, summary: null });
  });

  it('as of an instant before the suspension, shows the licence issued, and the suspension not yet recorded', async () => {
    const suspension = whole.events.find((event) => event.type === 'LicenceSuspended')!;
    const before = new Date(Date.parse(suspension.recordedAt) - 1).toISOString();
    const { body } = await history({ asOf: before });
    expect(body.asOf).toBe(before);
    expect(body.events.map((event: HistoryEvent) => event.eventId)).toEqual(whole.events.slice(0, -1).map((event) => event.eventId));
    expect(body.state.licence).toMatchObject({ licenceId: audited.licenceId, status: 'issued' });
    expect(body.state.stages.licence.status).toBe('done');

    const atIt = (await history({ asOf: suspension.recordedAt.replace('Z', '+00:00') })).body;
    expect([atIt.events.at(-1).type, atIt.state.licence.status]).toEqual(['LicenceSuspended', 'suspended']);

    const beforeEverything = (await history({ asOf: '2000-01-01T00:00:00Z' })).body;
    expect(beforeEverything).toMatchObject({ events: [], steps: [], state: { consignmentId: audited.consignmentId, status: null, timeline: [] } });
  });

  it('cuts at a revision of the consignment’s stream, leaving out what other streams recorded after it', async () => {
    const sourced = (await history({ untilRevision: 2 })).body;
    expect(sourced.untilRevision).toBe(2);
    expect(streamsOf(sourced.events)).toEqual([`consignment-${audited.consignmentId}`, `mine-${audited.mineId}`].sort());
    expect(sourced.events.at(-1)).toMatchObject({ type: 'MiningSourceDeclared', revision: 2 });
    expect(sourced.state).toMatchObject({ status: 'sourced', licence: null });

    const attached = (await history({ untilRevision: 4 })).body;
    expect(attached.events.at(-1)).toMatchObject({ type: 'LicenceAttached', revision: 4 });
    expect(attached.events.map((event: HistoryEvent) => event.type)).toContain('LicenceQuantityAllocated');
    expect(attached.state.licence.status).toBe('issued');

    // Past the head, the cut is the consignment's last event: the licence's later suspension is left out.
    expect((await history({ untilRevision: 99 })).body.events).toEqual(attached.events);
    const registeredAt = whole.events.find((event) => event.type === 'ConsignmentRegistered')!.recordedAt;
    expect((await history({ untilRevision: 4, asOf: registeredAt })).body.state.status).toBe('registered');
  });

  it('recomputes every stream’s chain: all whole, each with its count and head', async () => {
    const response = await get(`/consignments/${audited.consignmentId}/integrity`);
    expect(response.status).toBe(200);
    expect(response.body.valid).toBe(true);
    expect(response.body.streams[0].streamId).toBe(`consignment-${audited.consignmentId}`);
    const expected = streamsOf(whole.events).map((streamId) => {
      const stream = whole.events.filter((event) => event.streamId === streamId);
      return { streamId, events: stream.length, headHash: stream.at(-1)!.hash };
    });
    expect([...response.body.streams].sort((a, b) => a.streamId.localeCompare(b.streamId))).toEqual(expected);
  });

  it('names the latest anchor in the integrity answer, with the path of its check against the store', async () => {
    const taken = await app.http().post('/api/v1/audit/anchors').set('Authorization', `Bearer ${app.token('auditor')}`);
    expect(taken.status).toBe(201);
    const { body } = await get(`/consignments/${audited.consignmentId}/integrity`);
    expect(body.latestAnchor).toEqual({
      id: taken.body.id,
      takenAt: taken.body.takenAt,
      lastPosition: taken.body.lastPosition,
      check: `/api/v1/audit/anchors/${taken.body.id}/check`,
    });
  });

  it('answers a row whose metadata was edited into another shape as a finding, never a 500: integrity names it, the history is 409', async () => {
    const consignmentId = randomUUID();
    const streamId = `consignment-${consignmentId}`;
    const pool = new Pool({ connectionString: app.config.databaseUrl, max: 1 });
    // Written by the store with the application's seal, as a command would. A type no fold knows, seen by every
    // projection before the row is edited, and the row put back afterwards: later replays of this database meet a
    // sound event.
    const store = new PostgresEventStore({ pool, seal: chainSealOf(app.config).current });
    const metadata = { actor: { sub: 'officer-1', role: 'licensing-officer' } };
    const { position } = await store.appendToStream(streamId, [{ type: 'AuditProbeRecorded', data: { consignmentId }, metadata }]);
    await app.waitForPosition(position);
    const [original] = await store.readStream(streamId, { raw: true });
    try {
      expect((await get(`/consignments/${consignmentId}/integrity`)).body.valid).toBe(true);
      await tamperWithEvents(pool, `UPDATE event_store.events SET metadata = '"edited"' WHERE stream_id = $1`, [streamId]);
      const integrity = await get(`/consignments/${consignmentId}/integrity`);
      expect(integrity.status).toBe(200);
      expect(integrity.body).toMatchObject({ valid: false, streams: [{ streamId, events: 1, headHash: '', firstBrokenRevision: 0, reason: 'malformed' }] });
      const problem = expectProblem(await get(`/consignments/${consignmentId}/history`), 409, 'record-malformed');
      expect(problem.detail).toContain(`revision 0 of stream ${streamId}`);
    } finally {
      await tamperWithEvents(pool, `UPDATE event_store.events SET metadata = $2::jsonb WHERE stream_id = $1`, [streamId, JSON.stringify(original.metadata)]);
      await store.close();
      await pool.end();
    }
    expect((await get(`/consignments/${consignmentId}/integrity`)).body.valid).toBe(true);
  });

  it('checks a long stream slice by slice, each going on from the one before', async () => {
    const licence = `licence-${audited.licenceId}`;
    const path = `/consignments/${audited.consignmentId}/integrity`;
    const first = (await get(path).query({ maxCount: 2 })).body;
    expect(first.streams.find((stream: { streamId: string }) => stream.streamId === licence)).toMatchObject({ events: 2, nextRevision: 2 });
    let checked = 2;
    let next: number | undefined = 2;
    let headHash = '';
    while (next !== undefined) {
      const response = await get(path).query({ stream: licence, fromRevision: next, maxCount: 2 });
      expect([response.status, response.body.valid, response.body.streams.length]).toEqual([200, true, 1]);
      const [slice] = response.body.streams;
      checked += slice.events;
      next = slice.nextRevision;
      headHash = slice.headHash;
    }
    const stream = ofStream(whole.events, 'licence-');
    expect([checked, headHash]).toEqual([stream.length, stream.at(-1)!.hash]);
  });

  it('refuses a bad instant, revision or slice with 400 naming the field', async () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      ['history', { asOf: 'yesterday' }, 'asOf'],
      ['history', { asOf: '2025-02-30T00:00:00Z' }, 'asOf'],
      ['history', { asOf: '2025-03-01T12:00:00' }, 'asOf'],
      ['history', { asOf: '2025-03-01' }, 'asOf'],
      ['history', { untilRevision: '-1' }, 'untilRevision'],
      ['history', { untilRevision: '1.5' }, 'untilRevision'],
      ['history', { untilRevision: 'two' }, 'untilRevision'],
      ['history', { untilRevision: '' }, 'untilRevision'],
      ['history', { since: '2025-01-01T00:00:00Z' }, 'since'],
      ['integrity', { fromRevision: '3' }, 'stream'],
      ['integrity', { stream: 'events', fromRevision: '0' }, 'stream'],
      ['integrity', { maxCount: '0' }, 'maxCount'],
      ['integrity', { maxCount: '10001' }, 'maxCount'],
      ['integrity', { stream: `mine-${audited.mineId}`, fromRevision: '-2' }, 'fromRevision'],
    ];
    for (const [route, query, field] of cases) {
      const response = await get(`/consignments/${audited.consignmentId}/${route}`).query(query);
      const problem = expectProblem(response, 400, 'validation-failed');
      expect({ route, query, fields: (problem.errors as Array<{ field: string }>).map((error) => error.field) }).toEqual({ route, query, fields: expect.arrayContaining([field]) });
    }
    expectProblem(await get('/consignments/not-a-uuid/history'), 400, 'validation-failed');
  });

  it('answers 404 for a consignment that does not exist, or a stream it does not touch', async () => {
    expectProblem(await get(`/consignments/${randomUUID()}/history`), 404, 'not-found');
    expectProblem(await get(`/consignments/${randomUUID()}/integrity`), 404, 'not-found');
    expectProblem(await get(`/consignments/${audited.consignmentId}/integrity`).query({ stream: `mine-${randomUUID()}` }), 404, 'not-found');
  });

  it('lets auditors and licensing officers read, and no one else', async () => {
    for (const path of ['history', 'integrity']) {
      for (const role of ['auditor', 'licensing-officer'] as Role[]) expect((await get(`/consignments/${audited.consignmentId}/${path}`, role)).status).toBe(200);
      for (const role of ['exporter', 'customs-agent', 'admin'] as Role[]) expectProblem(await get(`/consignments/${audited.consignmentId}/${path}`, role), 403, 'forbidden-for-role');
    }
  });
});
