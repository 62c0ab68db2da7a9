import { randomUUID } from 'node:crypto';
import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { evolveLicence, initialLicenceState, LICENCE_QUANTITY_ALLOCATED, LicenceEvent, licenceStreamId, remainingGrams } from '@ree/licensing';
import { type CommandContext, DomainRuleViolation, fold } from '@ree/shared-kernel';
import type { Pool } from 'pg';
import { AttachLicenceCommand, AttachLicenceHandler, LicenceReservations } from '@ree/consignment/testing/commands';
import { EXPORTER_ORG } from '@ree/consignment/testing/consignment-events';
import { issuedLicence, sourcedConsignment } from '@ree/consignment/testing/given-streams';

const CONTENDERS = 50;

/**
 * docs/quality.md, "Reliability" (licence race), through the consignment context's real attach handler and the real
 * PostgreSQL store: 50 consignments of 1 kg attach one licence covering 20 kg at once, from two
 * API instances (each remembering the licence's state on its own).
 */
describe('the licence race through the attach handler', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(() => {
    pool = createEventStorePool(process.env.DATABASE_URL ?? '', { max: 20, applicationName: 'licence-race-attach' });
    store = new PostgresEventStore({ pool });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  const exporter = (): CommandContext => ({
    actor: { sub: 'exporter-race', role: 'exporter', org: EXPORTER_ORG },
    correlationId: 'licence-race',
    now: new Date('2025-06-01T10:00:00Z'),
  });

  it('50 concurrent attaches of 1 kg on a licence covering 20 kg: exactly 20 attach, nothing left, never negative', async () => {
    const licenceId = randomUUID();
    await issuedLicence(store, licenceId, 20);
    const consignmentIds = Array.from({ length: CONTENDERS }, () => randomUUID());
    await Promise.all(consignmentIds.map((id) => sourcedConsignment(store, id, 1)));
    const instances = [new AttachLicenceHandler(store, new LicenceReservations(store)), new AttachLicenceHandler(store, new LicenceReservations(store))];

    const outcomes = await Promise.allSettled(
      consignmentIds.map((id, index) =>
        instances[index % 2].execute(new AttachLicenceCommand(id, licenceId, undefined, `race-${randomUUID()}`, exporter())),
      ),
    );

    const attached = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(attached).toHaveLength(20);
    expect(refusals.map((error) => (error instanceof DomainRuleViolation ? error.code : String(error)))).toEqual(
      Array(CONTENDERS - 20).fill('licence-balance-exceeded'),
    );
    const stored = (await store.readStream(licenceStreamId(licenceId))) as unknown as LicenceEvent[];
    expect(stored.filter((event) => event.type === LICENCE_QUANTITY_ALLOCATED)).toHaveLength(20);
    const balances = stored.map((_, index) => remainingGrams(fold({ evolve: evolveLicence, initialState: initialLicenceState }, stored.slice(0, index + 1))));
    expect(balances.at(-1)).toBe(0);
    expect(Math.min(...balances)).toBeGreaterThanOrEqual(0);
  });
});
