import { fold } from '@ree/shared-kernel';
import { aCommandContext, spec } from '@ree/testing';
import { MINE_REGISTERED, MINING_QUOTA_ALLOCATED, MINING_QUOTA_DRAWN, MINING_QUOTA_RETURNED, MineEvent } from '../../mine/mine.events';
import { remainingQuotaGrams } from '../../mine/mine.state';
import { AllocateMiningQuotaCommand } from './allocate-mining-quota.command';
import { allocateMiningQuotaDecider } from './allocate-mining-quota.decide';

const mineId = '5f3c1c8e-2f4b-4f7d-8a3e-0d9b6c1e2a77';
const registered: MineEvent = {
  type: MINE_REGISTERED,
  data: {
    mineId,
    name: 'Longnan Zudong',
    operator: 'Ganzhou Rare Earth Group',
    region: 'Jiangxi',
    country: 'CN',
    miningLicenceNo: 'C3600002010056220067895',
    depositType: 'ionic-clay',
  },
};
const batch = (allocationId: string, quotaKgReo: number) =>
  ({ allocationId, year: 2025, category: 'medium-heavy', quotaKgReo }) as const;
const allocated = (allocationId: string, quotaKgReo: number): MineEvent => ({
  type: MINING_QUOTA_ALLOCATED,
  data: batch(allocationId, quotaKgReo),
});
const allocate = (allocationId: string, quotaKgReo: number) =>
  new AllocateMiningQuotaCommand(mineId, batch(allocationId, quotaKgReo), aCommandContext());

describe('allocate a mining quota', () => {
  it('allocates a batch of the annual quota to a registered mine', () => {
    spec(allocateMiningQuotaDecider).given([registered]).when(allocate('a1', 9000000)).then([allocated('a1', 9000000)]);
  });

  it('a quota needs a registered mine', () => {
    spec(allocateMiningQuotaDecider).given([]).when(allocate('a1', 9000000)).thenNotFound();
  });

  it('the same batch sent again stays quiet', () => {
    spec(allocateMiningQuotaDecider).given([registered, allocated('a1', 9000000)]).when(allocate('a1', 9000000)).thenNothing();
  });

  it('batches of one year and category add up, exact to the gram', () => {
    spec(allocateMiningQuotaDecider)
      .given([registered, allocated('a1', 0.1)])
      .when(allocate('a2', 0.2))
      .then([allocated('a2', 0.2)]);
    const state = fold(allocateMiningQuotaDecider, [registered, allocated('a1', 0.1), allocated('a2', 0.2)]);
    expect(remainingQuotaGrams(state, 2025, 'medium-heavy')).toBe(300);
    expect(remainingQuotaGrams(state, 2025, 'light')).toBe(0);
  });

  it('draws reduce what remains, a draw repeated for one declaration counts once, and a return gives it back', () => {
    const draw = { year: 2025, category: 'medium-heavy', kgReo: 1500.25, consignmentId: 'c1', declarationId: 'd1' } as const;
    const history: MineEvent[] = [
      registered,
      allocated('a1', 9000),
      { type: MINING_QUOTA_DRAWN, data: draw },
      { type: MINING_QUOTA_DRAWN, data: draw },
    ];
    expect(remainingQuotaGrams(fold(allocateMiningQuotaDecider, history), 2025, 'medium-heavy')).toBe(7499750);
    const returned: MineEvent = { type: MINING_QUOTA_RETURNED, data: { ...draw, reason: 'consignment cancelled' } };
    expect(remainingQuotaGrams(fold(allocateMiningQuotaDecider, [...history, returned]), 2025, 'medium-heavy')).toBe(9000000);
  });
});
