import type { Actor, RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { openTestDataSource, recordedStream } from '@ree/testing';
import { DataSource } from 'typeorm';
import { allocated, application, issued } from '../testing/licence-events';
import { LICENCE_ALLOCATION_RELEASED, LICENCE_APPLIED, LICENCE_QUANTITY_SHIPPED, LICENCE_SUSPENDED, LicenceEvent } from '../licence/licence.events';
import { licenceStreamId } from '../licence/licence.stream';
import { GetLicenceHandler } from '../queries/get-licence/get-licence.handler';
import { GetLicenceQuery } from '../queries/get-licence/get-licence.query';
import { ListLicencesHandler } from '../queries/list-licences/list-licences.handler';
import { ListLicencesQuery } from '../queries/list-licences/list-licences.query';
import { LicenceProjection } from './licence.projection';
import { LicenceAllocationReadModel, LicenceEndorsementReadModel, LicenceItemReadModel, LicenceReadModel } from './licence.read-model';
import { LICENSING_READ_MODELS } from './read-models';

const officer: Actor = { sub: 'officer-wang', role: 'licensing-officer' };

function licenceHistory(licenceId: string, exporterOrg = application.exporterOrg): RecordedEvent[] {
  const [appliedEvent, ...rest] = issued;
  const events: LicenceEvent[] = [
    { type: LICENCE_APPLIED, data: { ...(appliedEvent.data as typeof application), licenceId, exporterOrg } },
    ...rest,
    allocated('c1', 12000.001),
    allocated('c2', 0.2),
    allocated('c3', 500.5, 1),
    { type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: 'c2', kg: 0.2, reason: 'cancelled' } },
    { type: LICENCE_QUANTITY_SHIPPED, data: { consignmentId: 'c1', kg: 12000 } },
    { type: LICENCE_SUSPENDED, data: { reason: 'End-use check pending', suspendedBy: 'officer-zhao' } },
  ];
  return recordedStream(licenceStreamId(licenceId), events);
}

describe('the licence projection', () => {
  let dataSource: DataSource;
  const projection = new LicenceProjection();
  let getLicence: GetLicenceHandler;
  let listLicences: ListLicencesHandler;

  beforeAll(async () => {
    dataSource = await openTestDataSource(LICENSING_READ_MODELS);
    const licences = dataSource.getRepository(LicenceReadModel);
    getLicence = new GetLicenceHandler(
      licences,
      dataSource.getRepository(LicenceItemReadModel),
      dataSource.getRepository(LicenceAllocationReadModel),
      dataSource.getRepository(LicenceEndorsementReadModel),
    );
    listLicences = new ListLicencesHandler(licences);
  });
  afterAll(() => dataSource.destroy());

  const project = (events: readonly RecordedEvent[]) => dataSource.transaction((tx) => projection.handle(events, tx));

  it('builds the licence: status, validity, issued, allocated, shipped and remaining, exact to the gram', async () => {
    const licenceId = randomUUID();
    await project(licenceHistory(licenceId));

    const licence = await getLicence.execute(new GetLicenceQuery(licenceId, officer));

    expect(licence).toMatchObject({
      licenceId,
      status: 'suspended',
      statusReason: 'End-use check pending',
      suspendedBy: 'officer-zhao',
      approvedBy: 'officer-wang',
      countersignedBy: 'officer-li',
      validFrom: '2025-03-01',
      validUntil: '2026-02-28',
      issuedKg: 20500.5,
      allocatedKg: 12500.501,
      shippedKg: 12000,
      remainingKg: 7999.999,
    });
    expect(licence.items.map(({ index, issuedKg, allocatedKg, remainingKg }) => ({ index, issuedKg, allocatedKg, remainingKg }))).toEqual([
      { index: 0, issuedKg: 20000, allocatedKg: 12000.001, remainingKg: 7999.999 },
      { index: 1, issuedKg: 500.5, allocatedKg: 500.5, remainingKg: 0 },
    ]);
    expect(licence.consignments.map(({ consignmentId, heldKg, shippedKg }) => ({ consignmentId, heldKg, shippedKg }))).toEqual([
      { consignmentId: 'c1', heldKg: 0.001, shippedKg: 12000 },
      { consignmentId: 'c2', heldKg: 0, shippedKg: 0 },
      { consignmentId: 'c3', heldKg: 500.5, shippedKg: 0 },
    ]);
    expect(licence.screening).toMatchObject({ clear: true, matches: [], algorithm: 'pg_trgm-similarity/normalised-name@1' });
    // Applied before kinds existed: no kind, no declaration limit, nothing endorsed.
    expect(licence).toMatchObject({ kind: null, customsOffice: null, eligibility: null, endorsements: [], endorsedKg: 0, declarationsLeft: null });
  });

  it('leaves the same rows when the same events come again', async () => {
    const licenceId = randomUUID();
    const history = licenceHistory(licenceId);
    await project(history);
    const once = await getLicence.execute(new GetLicenceQuery(licenceId, officer));

    await project(history);
    await project(history.slice(5));

    expect(await getLicence.execute(new GetLicenceQuery(licenceId, officer))).toEqual(once);
  });

  it("hides another organisation's licence from an exporter, and lists only its own", async () => {
    const org = `org-${randomUUID()}`;
    const own = randomUUID();
    const other = randomUUID();
    await project([...licenceHistory(own, org), ...licenceHistory(other)]);
    const exporter: Actor = { sub: 'exporter-1', role: 'exporter', org };

    await expect(getLicence.execute(new GetLicenceQuery(other, exporter))).rejects.toMatchObject({ name: 'NotFound' });
    expect((await getLicence.execute(new GetLicenceQuery(own, exporter))).licenceId).toBe(own);
    const page = await listLicences.execute(new ListLicencesQuery({}, exporter, 50));
    expect(page.items.map((item) => item.licenceId)).toEqual([own]);
  });

  it('filters and pages the list, newest application first', async () => {
    const org = `org-${randomUUID()}`;
    const first = randomUUID();
    const second = randomUUID();
    await project(licenceHistory(first, org));
    await project(licenceHistory(second, org));

    const one = await listLicences.execute(new ListLicencesQuery({ exporterOrg: org, status: 'suspended', destinationCountry: 'DE' }, officer, 1));
    expect(one.items.map((item) => item.licenceId)).toEqual([second]);
    const two = await listLicences.execute(new ListLicencesQuery({ exporterOrg: org }, officer, 1, one.nextCursor ?? undefined));
    expect([two.items.map((item) => item.licenceId), two.nextCursor]).toEqual([[first], null]);
    expect((await listLicences.execute(new ListLicencesQuery({ exporterOrg: org, status: 'issued' }, officer, 10))).items).toEqual([]);
  });

  it('reset empties its tables', async () => {
    await project(licenceHistory(randomUUID()));
    const counts = await dataSource
      .transaction(async (tx) => {
        await projection.reset(tx);
        const rows: Array<{ n: string }> = await tx.query(
          `SELECT (SELECT count(*) FROM licensing.licences) + (SELECT count(*) FROM licensing.licence_items)
                + (SELECT count(*) FROM licensing.licence_allocations) AS n`,
        );
        // Rolled back so that the other suites sharing the database keep their rows.
        throw Object.assign(new Error('rollback'), { rows });
      })
      .catch((error: { rows: Array<{ n: string }> }) => error.rows);
    expect(counts).toEqual([{ n: '0' }]);
  });
});
