import { randomInt, randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { asSuperuser, withClient } from './postgres-admin';
import { eventually } from '@ree/testing';

/**
 * A trigger on `event_store.events` for the inserts that `condition` (SQL over `NEW`) holds for,
 * in the database of `pool`. Created and dropped as the superuser, as an operator injecting the
 * fault: the application role `pool` connects as may not.
 */
async function addInsertTrigger(pool: Pool, condition: string, body: string): Promise<() => Promise<void>> {
  const name = `test_append_fault_${randomUUID().replace(/-/g, '')}`;
  const operator = asSuperuser(pool.options.connectionString!);
  await withClient(operator, async (client) => {
    await client.query(`CREATE FUNCTION public.${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`);
    await client.query(`CREATE TRIGGER ${name} BEFORE INSERT ON event_store.events FOR EACH ROW WHEN (${condition}) EXECUTE FUNCTION public.${name}()`);
  });
  return () =>
    withClient(operator, async (client) => {
      await client.query(`DROP TRIGGER IF EXISTS ${name} ON event_store.events`);
      await client.query(`DROP FUNCTION IF EXISTS public.${name}()`);
    });
}

/**
 * Makes the database refuse every event insert that `condition` holds for, as a database going
 * away would: SQLSTATE 57P01 (admin shutdown), which the event store reports as
 * `EventStoreUnavailableError` and the API answers 503. Other inserts are untouched, so a command's
 * first append can succeed and its second fail, leaving it half done.
 * Resolves to the function that removes the fault again.
 */
export function failAppendsWhere(pool: Pool, condition: string): Promise<() => Promise<void>> {
  return addInsertTrigger(pool, condition, `RAISE EXCEPTION 'simulated outage of the event store' USING ERRCODE = '57P01';`);
}

/** Appends held at the door: they wait, uncommitted, until `release`. */
export interface HeldAppends {
  /** Resolves once `count` appends wait (checked every 10 ms); rejects after 60 s. */
  waiting(count: number): Promise<void>;
  /** Lets the held appends (and any later ones) go on. */
  release(): Promise<void>;
  /** Releases and removes the trigger; safe to call twice. */
  remove(): Promise<void>;
}

/**
 * Holds every event insert that `condition` holds for until `release`: the trigger waits for a
 * shared advisory lock that the test holds exclusively on a client of `pool` of its own. Two
 * commands held this way have read the same stream head, so releasing them makes them race.
 */
export async function holdAppendsWhere(pool: Pool, condition: string): Promise<HeldAppends> {
  const lock = randomInt(1, 2 ** 31 - 1);
  const holder: PoolClient = await pool.connect();
  await holder.query('SELECT pg_advisory_lock($1)', [lock]);
  const removeTrigger = await addInsertTrigger(pool, condition, `PERFORM pg_advisory_xact_lock_shared(${lock}); RETURN NEW;`);
  let held = true;
  const release = async (): Promise<void> => {
    if (!held) return;
    held = false;
    await holder.query('SELECT pg_advisory_unlock($1)', [lock]);
    holder.release();
  };
  return {
    async waiting(count) {
      const waiting = async (): Promise<number> => {
        const { rows } = await pool.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid = $1::oid`,
          [lock],
        );
        return rows[0].waiting;
      };
      await eventually(waiting, (held) => held >= count, { intervalMs: 10, what: `${count} held appends waiting` });
    },
    release,
    async remove() {
      await release();
      await removeTrigger();
    },
  };
}
