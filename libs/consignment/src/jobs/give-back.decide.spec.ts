import { LICENCE_ALLOCATION_RELEASED, LICENCE_DECLARATION_ENDORSED, LICENCE_ENDORSEMENT_WITHDRAWN, LICENCE_QUANTITY_ALLOCATED, LicenceEvent } from '@ree/licensing';
import { MINE_REGISTERED, MINING_QUOTA_ALLOCATED, MINING_QUOTA_DRAWN, MINING_QUOTA_RETURNED, MineEvent, evolveMine, initialMineState } from '@ree/registry';
import { fold, RecordedEvent } from '@ree/shared-kernel';
import { ConsignmentEvent, MINING_SOURCE_CORRECTED } from '../consignment/consignment.events';
import { evolveConsignment, initialConsignmentState } from '../consignment/consignment.state';
import { consignmentStreamId } from '../consignment/consignment.stream';
import { CONSIGNMENT_ID, cancelled, licensed, MINE_ID, registered, source, sourced } from '../testing/consignment-events';
import { LICENCE_ID, licenceAfter } from '../testing/customs';
import { giveBackFor } from './give-back.decide';
import { giveBackJobOf, giveBackRoute } from './give-back.job';

const consignment = (...events: ConsignmentEvent[]) => fold({ evolve: evolveConsignment, initialState: initialConsignmentState }, events);
const mine = (...draws: MineEvent[]) =>
  fold({ evolve: evolveMine, initialState: initialMineState }, [
    { type: MINE_REGISTERED, data: { mineId: MINE_ID, name: 'Bayan Obo', operator: 'Baotou Steel', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150', depositType: 'bastnaesite' } },
    { type: MINING_QUOTA_ALLOCATED, data: { allocationId: 'a1', year: 2025, category: 'light', quotaKgReo: 100_000 } },
    ...draws,
  ] as MineEvent[]);
const drawn = (declarationId: string, kgReo = 14000): MineEvent => ({
  type: MINING_QUOTA_DRAWN,
  data: { year: 2025, category: 'light', kgReo, consignmentId: CONSIGNMENT_ID, declarationId },
});
const corrected: ConsignmentEvent = { type: MINING_SOURCE_CORRECTED, data: { ...source('decl-2', 13000), correctsId: 'decl-1', reason: 'weighbridge' } };

describe('what a cancellation or a correction gives back', () => {
  it('a cancellation returns every draw in force, one append per mine, and releases what the licence holds', () => {
    const job = { kind: 'consignment-cancelled', consignmentId: CONSIGNMENT_ID } as const;
    const { mines, licence } = giveBackFor(job, consignment(registered, sourced('decl-1'), sourced('decl-3', 1000), licensed, cancelled));
    expect(mines.map(({ mineId }) => mineId)).toEqual([MINE_ID]);
    expect(mines[0].decide(mine(drawn('decl-1'), drawn('decl-3', 1000))).map((event) => event.data)).toEqual([
      expect.objectContaining({ declarationId: 'decl-1', kgReo: 14000, reason: 'consignment-cancelled' }),
      expect.objectContaining({ declarationId: 'decl-3', kgReo: 1000, reason: 'consignment-cancelled' }),
    ]);
    expect(licence?.licenceId).toBe('lic-1');
  });

  it("a cancellation after the declaration also withdraws the declaration's endorsement from the licence, once", () => {
    const job = { kind: 'consignment-cancelled', consignmentId: CONSIGNMENT_ID } as const;
    const { licence } = giveBackFor(job, consignment(registered, sourced('decl-1'), licensed, cancelled));
    const endorsed: LicenceEvent = {
      type: LICENCE_DECLARATION_ENDORSED,
      data: { consignmentId: CONSIGNMENT_ID, customsDeclarationNo: '020120250000123456', customsOffice: 'CNTSN', kg: 12000, endorsedOn: '2025-03-01', number: 1 },
    };
    const givenBack = licence!.decide(licenceAfter(endorsed));
    expect(givenBack).toEqual([
      { type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: CONSIGNMENT_ID, kg: 12000, reason: 'consignment-cancelled' } },
      { type: LICENCE_ENDORSEMENT_WITHDRAWN, data: { consignmentId: CONSIGNMENT_ID, number: 1, reason: 'consignment-cancelled' } },
    ]);
    expect(licence!.decide(licenceAfter(endorsed, ...givenBack))).toEqual([]);
    expect(LICENCE_ID).toBe(licence!.licenceId);
  });

  it('a correction returns the replaced declaration’s draw only; nothing when its reservation returned it already', () => {
    const job = { kind: 'mining-source-corrected', consignmentId: CONSIGNMENT_ID, correctsId: 'decl-1' } as const;
    const { mines, licence } = giveBackFor(job, consignment(registered, sourced('decl-1'), corrected));
    expect(licence).toBeUndefined();
    expect(mines[0].decide(mine(drawn('decl-1'), drawn('decl-2', 13000)))).toEqual([
      { type: MINING_QUOTA_RETURNED, data: { year: 2025, category: 'light', kgReo: 14000, consignmentId: CONSIGNMENT_ID, declarationId: 'decl-1', reason: 'mining-source-corrected' } },
    ]);
    const returned = mines[0].decide(mine(drawn('decl-1')))[0];
    expect(mines[0].decide(mine(drawn('decl-1'), returned))).toEqual([]);
  });
});

describe('the give-back route', () => {
  const recorded = (event: ConsignmentEvent | LicenceEvent, streamId = consignmentStreamId(CONSIGNMENT_ID)): RecordedEvent =>
    ({ ...event, eventId: 'e1', schemaVersion: 1, streamId, revision: 3, position: '1', recordedAt: '2025-03-01T09:00:00.000Z', metadata: { actor: { sub: 'x', role: 'exporter' }, correlationId: 'req-1', causationId: 'req-1', prevHash: '0', hash: '0' } });

  it('turns a cancellation and a correction into a job due at once, with the request’s correlation id', () => {
    expect(giveBackRoute.job(recorded(cancelled))).toEqual({ name: 'consignment-cancelled', data: { kind: 'consignment-cancelled', consignmentId: CONSIGNMENT_ID, correlationId: 'req-1' } });
    expect(giveBackJobOf(recorded(corrected))).toEqual({ kind: 'mining-source-corrected', consignmentId: CONSIGNMENT_ID, correctsId: 'decl-1', correlationId: 'req-1' });
  });

  it('ignores another stream’s event of a like name', () => {
    const allocation: LicenceEvent = { type: LICENCE_QUANTITY_ALLOCATED, data: { consignmentId: CONSIGNMENT_ID, itemIndex: 0, hsCode: '2846.90', kg: 1 } };
    expect(giveBackJobOf(recorded(allocation, 'licence-lic-1'))).toBeUndefined();
  });
});
