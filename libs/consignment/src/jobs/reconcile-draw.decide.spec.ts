import { LICENCE_ALLOCATION_RELEASED, LICENCE_APPLIED, LICENCE_QUANTITY_ALLOCATED, LicenceEvent } from '@ree/licensing';
import { MINE_REGISTERED, MINING_QUOTA_ALLOCATED, MINING_QUOTA_DRAWN, MINING_QUOTA_RETURNED, MineEvent, mineStreamId } from '@ree/registry';
import { spec } from '@ree/testing';
import { DomainRuleViolation, fold } from '@ree/shared-kernel';
import { CONSIGNMENT_CANCELLED, ConsignmentEvent, MINING_SOURCE_CORRECTED } from '../consignment/consignment.events';
import { evolveConsignment, initialConsignmentState, ConsignmentState } from '../consignment/consignment.state';
import { CONSIGNMENT_ID, licensed, MINE_ID, registered, source, sourced } from '../testing/consignment-events';
import {
  LicenceAllocationJob,
  licenceAllocationReconciliation,
  MiningQuotaDrawJob,
  miningQuotaReconciliation,
} from './reconcile-draw.decide';
import { refuseReturnedDraw } from '../consignment/reservations.decide';
import { reconcileDrawJobOf, reconcileDrawsRoute } from './reconcile-draws.job';

const consignment = (...events: ConsignmentEvent[]): ConsignmentState =>
  fold({ evolve: evolveConsignment, initialState: initialConsignmentState }, events);

const drawJob = (declarationId = 'decl-1'): MiningQuotaDrawJob => ({
  kind: 'mining-quota',
  mineId: MINE_ID,
  year: 2025,
  category: 'light',
  consignmentId: CONSIGNMENT_ID,
  declarationId,
});
const drawn = (declarationId = 'decl-1'): MineEvent => ({
  type: MINING_QUOTA_DRAWN,
  data: { year: 2025, category: 'light', kgReo: 14000, consignmentId: CONSIGNMENT_ID, declarationId },
});
const returnedAsOrphaned = (declarationId = 'decl-1'): MineEvent => ({
  type: MINING_QUOTA_RETURNED,
  data: { year: 2025, category: 'light', kgReo: 14000, consignmentId: CONSIGNMENT_ID, declarationId, reason: 'orphaned-draw' },
});
const mine: MineEvent[] = [
  {
    type: MINE_REGISTERED,
    data: {
      mineId: MINE_ID,
      name: 'Bayan Obo East',
      operator: 'Baotou Steel Rare Earth',
      region: 'Inner Mongolia',
      country: 'CN',
      miningLicenceNo: 'C1500002011071120115011',
      depositType: 'bastnaesite',
    },
  },
  { type: MINING_QUOTA_ALLOCATED, data: { allocationId: 'alloc-2025-1', year: 2025, category: 'light', quotaKgReo: 100000 } },
];

const LICENCE_ID = 'lic-1';
const licenceJob: LicenceAllocationJob = { kind: 'licence-allocation', licenceId: LICENCE_ID, consignmentId: CONSIGNMENT_ID };
const licence: LicenceEvent[] = [
  {
    type: LICENCE_APPLIED,
    data: {
      licenceId: LICENCE_ID,
      exporterOrg: 'org-baotou-export',
      consignee: { name: 'Vacuumschmelze GmbH & Co. KG', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' },
      endUser: { name: 'Vacuumschmelze GmbH & Co. KG', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' },
      destinationCountry: 'DE',
      items: [{ product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 20000 }],
      intendedEndUse: 'Sintered NdFeB magnets for industrial motors',
    },
  },
  { type: LICENCE_QUANTITY_ALLOCATED, data: { consignmentId: CONSIGNMENT_ID, itemIndex: 0, hsCode: '2846.90', kg: 12000 } },
];

describe('reconciling a quota draw', () => {
  it('returns a draw whose declaration never reached the consignment', () => {
    spec(miningQuotaReconciliation(consignment(registered)))
      .given([...mine, drawn()])
      .when(drawJob())
      .then([returnedAsOrphaned()]);
  });

  it('returns a draw for a consignment that was never registered', () => {
    spec(miningQuotaReconciliation(consignment())).given([...mine, drawn()]).when(drawJob()).then([returnedAsOrphaned()]);
  });

  it('returns an orphaned draw of a cancelled consignment too: its cancel returned only the sources it knew', () => {
    const cancelled = consignment(registered, { type: CONSIGNMENT_CANCELLED, data: { reason: 'buyer withdrew' } });
    spec(miningQuotaReconciliation(cancelled)).given([...mine, drawn()]).when(drawJob()).then([returnedAsOrphaned()]);
  });

  it('leaves a declared source’s draw alone', () => {
    spec(miningQuotaReconciliation(consignment(registered, sourced('decl-1')))).given([...mine, drawn()]).when(drawJob()).thenNothing();
  });

  it('leaves a correction’s draw alone', () => {
    const corrected = consignment(registered, sourced('decl-1'), {
      type: MINING_SOURCE_CORRECTED,
      data: { ...source('decl-2', 13000), correctsId: 'decl-1', reason: 'weighbridge ticket re-read' },
    });
    spec(miningQuotaReconciliation(corrected)).given([...mine, drawn('decl-2')]).when(drawJob('decl-2')).thenNothing();
  });

  it('returns nothing twice: a draw already returned decides nothing', () => {
    spec(miningQuotaReconciliation(consignment(registered))).given([...mine, drawn(), returnedAsOrphaned()]).when(drawJob()).thenNothing();
  });
});

describe('reconciling a licence allocation', () => {
  it('releases everything the consignment holds when the licence was never attached', () => {
    spec(licenceAllocationReconciliation(consignment(registered, sourced())))
      .given(licence)
      .when(licenceJob)
      .then([{ type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: CONSIGNMENT_ID, kg: 12000, reason: 'orphaned-draw' } }]);
  });

  it('leaves the allocation of an attached licence alone', () => {
    spec(licenceAllocationReconciliation(consignment(registered, sourced(), licensed))).given(licence).when(licenceJob).thenNothing();
  });

  it('releases nothing twice', () => {
    const released: LicenceEvent = { type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: CONSIGNMENT_ID, kg: 12000, reason: 'orphaned-draw' } };
    spec(licenceAllocationReconciliation(consignment(registered))).given([...licence, released]).when(licenceJob).thenNothing();
  });
});

describe('a declaration after its draw was returned', () => {
  const mineState = (events: MineEvent[]) => fold(miningQuotaReconciliation(consignment()), events);

  it('reservation-expired: a late declaration is refused rather than recorded without a draw', () => {
    expect(() => refuseReturnedDraw(mineState([...mine, drawn(), returnedAsOrphaned()]), 'decl-1')).toThrow(
      expect.objectContaining({ code: 'reservation-expired' }) as DomainRuleViolation,
    );
  });

  it('passes a new declaration and a retry whose draw is still in force', () => {
    expect(() => refuseReturnedDraw(mineState(mine), 'decl-1')).not.toThrow();
    expect(() => refuseReturnedDraw(mineState([...mine, drawn()]), 'decl-1')).not.toThrow();
  });
});

describe('the reconciliation route', () => {
  it('turns a quota draw into a delayed job keyed by the mine, the consignment and the declaration', () => {
    const event = { ...drawn(), eventId: 'e1', streamId: mineStreamId(MINE_ID) };
    expect(reconcileDrawsRoute(600_000).job(event as never)).toEqual({ name: 'mining-quota', data: { ...drawJob() }, delayMs: 600_000 });
  });

  it('turns a licence allocation into a job for that licence and consignment', () => {
    expect(reconcileDrawJobOf({ ...licence[1], streamId: `licence-${LICENCE_ID}` } as never)).toEqual(licenceJob);
  });
});
