import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { openTestDataSource, privateTestDatabase } from '@ree/testing';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { ControlAnnouncementProjection } from '../projections/control-announcement.projection';
import { REGISTRY_READ_MODELS } from '../projections/read-models';
import { AnnouncementNumbers } from './announcement-numbers';
import { controlAnnouncementStreamId } from './control-announcement.stream';
import { ControlListReferenceData, referenceAnnouncementId } from './control-list-reference.loader';
import { ControlListService } from './control-list.service';
import { NO_18, NO_57, NO_70, REFERENCE_ANNOUNCEMENTS } from './reference-announcements';

/**
 * The reference data on a database of its own (the shared one has it from every app start): two
 * processes starting at once take each announcement in once, a later start leaves it alone, and
 * the read model folds it into the list a day asks for.
 */
describe('the control list reference data', () => {
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;
  let pools: Pool[];
  let stores: PostgresEventStore[];
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await privateTestDatabase('ctrl_reference');
    pools = [createEventStorePool(database.url), createEventStorePool(database.url)];
    stores = pools.map((pool) => new PostgresEventStore({ pool }));
    dataSource = await openTestDataSource(REGISTRY_READ_MODELS, database.url);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await Promise.all(stores.map((store) => store.close()));
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
    await database.drop();
  });

  const streamIds = REFERENCE_ANNOUNCEMENTS.map(({ announcement }) => controlAnnouncementStreamId(referenceAnnouncementId(announcement.number)));

  it('two processes starting at once take each announcement in once, its number taken; a later start appends nothing', async () => {
    const [first, second] = await Promise.all(stores.map((store) => new ControlListReferenceData(store).load()));
    expect(new Set([...first, ...second]).size).toBe(REFERENCE_ANNOUNCEMENTS.length);
    for (const streamId of streamIds) {
      const events = await stores[0].readStream(streamId);
      expect(events.map((event) => [event.type, event.metadata.actor.sub])).toEqual([
        ['ControlAnnouncementProposed', 'registry.reference-data'],
        ['ControlAnnouncementAdopted', 'registry.reference-data'],
      ]);
    }
    expect(await new AnnouncementNumbers(stores[0]).takenBy(NO_57)).toBe(referenceAnnouncementId(NO_57));
    const head = await stores[0].headPosition();
    expect(await new ControlListReferenceData(stores[1]).load()).toEqual([]);
    expect(await stores[0].headPosition()).toBe(head);
  });

  it('an announcement already present is left alone, whatever it holds', async () => {
    const no18 = streamIds[REFERENCE_ANNOUNCEMENTS.findIndex(({ announcement }) => announcement.number === NO_18)];
    const before = await stores[0].readStream(no18);
    await new ControlListReferenceData(stores[0]).load();
    expect((await stores[0].readStream(no18)).map((event) => event.eventId)).toEqual(before.map((event) => event.eventId));
  });

  it('projected (twice, as a replay would), the list of a day is the fold of the adopted announcements', async () => {
    const { events } = await stores[0].readAll();
    const projection = new ControlAnnouncementProjection();
    await dataSource.transaction((tx) => projection.handle(events, tx));
    await dataSource.transaction((tx) => projection.handle(events, tx));
    const rows: Array<{ number: string; status: string; revision: number }> = await dataSource.query(
      `SELECT number, status, revision FROM registry.control_announcements ORDER BY number`,
    );
    expect(rows).toHaveLength(REFERENCE_ANNOUNCEMENTS.length);
    expect(rows.every((row) => row.status === 'adopted' && row.revision === 1)).toBe(true);

    const service = new ControlListService(dataSource);
    const codesOn = async (day: string) => (await service.listOn(day)).entries.map(({ entry }) => entry.controlCode);
    expect(await codesOn('2025-04-03')).toEqual([]);
    expect(await codesOn('2026-01-15')).toContain('1C905.b');
    expect(await codesOn('2026-01-15')).not.toContain('1C909.b');
    expect(await codesOn('2026-11-11')).toContain('1C909.b');
    const history = await service.history();
    expect(history.announcements.map((announcement) => announcement.number).at(-2)).toBe(NO_70);
  });
});
