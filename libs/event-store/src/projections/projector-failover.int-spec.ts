import type { Projector } from './projector';
import { appendEvents, fresh, reaches, useProjectorHarness } from '../testing/schema-harness';
import { RowsProjection } from '../testing/rows-projection';
import { eventually } from '@ree/testing';

describe('Projector, two instances of one projection', () => {
  const suite = useProjectorHarness();

  const instanceOf = (projection: RowsProjection): Projector => suite.projector([projection]);

  async function stateOf(projector: Projector): Promise<string> {
    return (await projector.status())[0].state;
  }

  async function twoInstances(type: string) {
    const first = await suite.rowsProjection(type);
    const second = first.twin();
    const holder = instanceOf(first);
    await holder.start();
    const standby = instanceOf(second);
    await standby.start();
    return { first, second, holder, standby };
  }

  it('lets only the lock holder apply events', async () => {
    const type = fresh('Exclusive');
    const { first, second, holder, standby } = await twoInstances(type);

    const { events, position } = await appendEvents(suite.harness.store, type, 3);
    await eventually(reaches(suite.harness, first.name, position));

    expect(await stateOf(holder)).toBe('running');
    expect(await stateOf(standby)).toBe('standby');
    expect(first.handled).toEqual(events.map((event) => event.eventId));
    expect(second.handled).toEqual([]);
  });

  it('hands over to the standby instance when the holder stops, from the holder’s checkpoint', async () => {
    const type = fresh('HandedOver');
    const { first, second, holder, standby } = await twoInstances(type);
    const before = await appendEvents(suite.harness.store, type, 2);
    await eventually(reaches(suite.harness, first.name, before.position));

    await holder.stop();
    await eventually(async () => (await stateOf(standby)) === 'running');
    const after = await appendEvents(suite.harness.store, type, 2);
    await eventually(reaches(suite.harness, first.name, after.position));

    expect(second.handled).toEqual(after.events.map((event) => event.eventId));
    expect(await first.rows(suite.harness.dataSource.manager)).toHaveLength(4);
  });

  it('recovers when the holder’s lock connection dies: exactly one instance runs, and it alone applies new events', async () => {
    const type = fresh('Severed');
    const { first, second, holder, standby } = await twoInstances(type);

    await suite.harness.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objsubid = 1
          AND objid::bigint = (hashtext('projection:' || $1)::bigint & 4294967295)`,
      [first.name],
    );
    // Either instance may win the lock again: the standby, or the old holder once it has reconnected.
    const states = async () => [await stateOf(holder), await stateOf(standby)].sort().join(',');
    await eventually(async () => (await states()) === 'running,standby');

    const { events, position } = await appendEvents(suite.harness.store, type, 2);
    await eventually(reaches(suite.harness, first.name, position));
    const [winner, loser] = (await stateOf(standby)) === 'running' ? [second, first] : [first, second];
    expect(winner.handled).toEqual(events.map((event) => event.eventId));
    expect(loser.handled).toEqual([]);
    expect(await states()).toBe('running,standby');
  });
});
