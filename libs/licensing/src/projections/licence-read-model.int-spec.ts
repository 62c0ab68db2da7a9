import type { Actor, RecordedEvent } from '@ree/shared-kernel';
import { toKilograms } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { openTestDataSource, recordedStream } from '@ree/testing';
import { DataSource } from 'typeorm';
import { allocated, application, endorsed, issued } from '../testing/licence-events';
import {
  LICENCE_ALLOCATION_RELEASED,
  LICENCE_APPLIED,
  LICENCE_ENDORSEMENT_WITHDRAWN,
  LICENCE_QUANTITY_SHIPPED,
  LICENCE_REINSTATED,
  LICENCE_SUSPENDED,
  type LicenceEvent,
} from '../licence/licence.events';
import { allocatedGrams, heldGrams, issuedGrams, remainingGrams, shippedGrams } from '../licence/licence.quantities';
import { evolveLicence, initialLicenceState, type LicenceState } from '../licence/licence.state';
import { licenceStream, licenceStreamId } from '../licence/licence.stream';
import { GetLicenceHandler } from '../queries/get-licence/get-licence.handler';
import { GetLicenceQuery } from '../queries/get-licence/get-licence.query';
import { licenceTables } from './licence-tables';
import { LicenceProjection } from './licence.projection';
import { LicenceAllocationReadModel, LicenceEndorsementReadModel, LicenceItemReadModel, LicenceReadModel } from './licence.read-model';
import { LICENSING_READ_MODELS } from './read-models';

const officer: Actor = { sub: 'officer-wang', role: 'licensing-officer' };

/**
 * A multi-use licence issued, three consignments allocated and their declarations endorsed, one
 * cancelled (its endorsement withdrawn) and allocated again, shipments, a remainder given back,
 * suspended, reinstated.
 */
function lifecycle(licenceId: string): RecordedEvent[] {
  const [applied, ...rest] = issued;
  const events: LicenceEvent[] = [
    { type: LICENCE_APPLIED, data: { ...(applied.data as typeof application), licenceId, kind: 'multi-use', customsOffice: 'CNTSN' } },
    ...rest,
    allocated('c1', 12000.001),
    allocated('c2', 300),
    allocated('c3', 500.5, 1),
    endorsed('c1', 1, 'CNTSN', 12000),
    endorsed('c2', 2, 'CNTSN', 300),
    { type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: 'c2', kg: 300, reason: 'cancelled' } },
    { type: LICENCE_ENDORSEMENT_WITHDRAWN, data: { consignmentId: 'c2', number: 2, reason: 'consignment-cancelled' } },
    endorsed('c3', 3, 'CNTSN', 500.5),
    { type: LICENCE_QUANTITY_SHIPPED, data: { consignmentId: 'c1', kg: 12000 } },
    { type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: 'c1', kg: 0.001, reason: 'shipped less than allocated' } },
    { type: LICENCE_SUSPENDED, data: { reason: 'End-use check pending', suspendedBy: 'officer-zhao' } },
    { type: LICENCE_REINSTATED, data: { reason: 'End-use check passed' } },
    allocated('c2', 99.999),
    { type: LICENCE_QUANTITY_SHIPPED, data: { consignmentId: 'c3', kg: 500.5 } },
  ];
  return recordedStream(licenceStreamId(licenceId), events);
}

const folded = (events: readonly RecordedEvent[]): LicenceState => licenceStream.domainEvents(events).reduce(evolveLicence, initialLicenceState());

describe('the licence read model is the fold of evolveLicence', () => {
  let dataSource: DataSource;
  const projection = new LicenceProjection();
  let getLicence: GetLicenceHandler;

  beforeAll(async () => {
    dataSource = await openTestDataSource(LICENSING_READ_MODELS);
    getLicence = new GetLicenceHandler(
      dataSource.getRepository(LicenceReadModel),
      dataSource.getRepository(LicenceItemReadModel),
      dataSource.getRepository(LicenceAllocationReadModel),
      dataSource.getRepository(LicenceEndorsementReadModel),
    );
  });
  afterAll(() => dataSource.destroy());

  const project = (events: readonly RecordedEvent[]) => dataSource.transaction((tx) => projection.handle(events, tx));
  const storedState = async (licenceId: string) => (await dataSource.transaction((tx) => licenceTables.load([licenceId], tx))).get(licenceId)?.state;

  it('holds after every event the state the decider folds from the same events, batch by batch or all at once', async () => {
    const [oneByOne, inThrees, atOnce] = [randomUUID(), randomUUID(), randomUUID()];
    const histories = { oneByOne: lifecycle(oneByOne), inThrees: lifecycle(inThrees), atOnce: lifecycle(atOnce) };
    for (let end = 1; end <= histories.oneByOne.length; end++) {
      await project(histories.oneByOne.slice(end - 1, end));
      expect(await storedState(oneByOne)).toEqual(folded(histories.oneByOne.slice(0, end)));
    }
    for (let start = 0; start < histories.inThrees.length; start += 3) await project(histories.inThrees.slice(start, start + 3));
    await project(histories.atOnce);
    expect([await storedState(inThrees), await storedState(atOnce)]).toEqual([folded(histories.inThrees), folded(histories.atOnce)]);
    expect(await storedState(atOnce)).toMatchObject({ status: 'issued', suspendedBy: null, allocations: { c2: { allocatedGrams: 99999, releasedGrams: 0 } } });
    expect((await storedState(atOnce))?.endorsements.map(({ number, withdrawnReason }) => [number, withdrawnReason])).toEqual([
      [1, null],
      [2, 'consignment-cancelled'],
      [3, null],
    ]);
  });

  it("answers the licence's quantities as the decider's state counts them, exact to the gram", async () => {
    const licenceId = randomUUID();
    const history = lifecycle(licenceId);
    await project(history.slice(0, 9));
    await project(history.slice(6));
    const state = folded(history);
    const kg = toKilograms;

    const licence = await getLicence.execute(new GetLicenceQuery(licenceId, officer));

    expect(licence).toMatchObject({
      status: state.status,
      statusReason: 'End-use check passed',
      suspendedBy: null,
      issuedKg: kg(issuedGrams(state)),
      allocatedKg: kg(allocatedGrams(state)),
      shippedKg: kg(shippedGrams(state)),
      remainingKg: kg(remainingGrams(state)),
      revision: history.length - 1,
    });
    expect([licence.allocatedKg, licence.shippedKg, licence.remainingKg]).toEqual([12600.499, 12500.5, 7900.001]);
    const byConsignment = Object.fromEntries(licence.consignments.map((c) => [c.consignmentId, [c.itemIndex, c.allocatedKg, c.releasedKg, c.shippedKg, c.heldKg]]));
    expect(byConsignment).toEqual(
      Object.fromEntries(
        Object.entries(state.allocations).map(([id, a]) => [id, [a.itemIndex, kg(a.allocatedGrams), kg(a.releasedGrams), kg(a.shippedGrams), kg(heldGrams(a))]]),
      ),
    );
    expect(byConsignment.c2).toEqual([0, 99.999, 0, 0, 99.999]);
    expect(licence).toMatchObject({ kind: 'multi-use', customsOffice: 'CNTSN', eligibility: null, endorsedKg: 12500.5, declarationsLeft: 10 });
    expect(licence.endorsements).toEqual(
      state.endorsements.map(({ number, consignmentId, customsDeclarationNo, customsOffice, kg: endorsedKg, endorsedOn, withdrawnReason }) => ({
        number, consignmentId, customsDeclarationNo, customsOffice, kg: endorsedKg, endorsedOn, withdrawnReason,
      })),
    );
    expect(licence.endorsements[1]).toMatchObject({ number: 2, consignmentId: 'c2', kg: 300, withdrawnReason: 'consignment-cancelled' });
  });
});
