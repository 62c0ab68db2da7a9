import { fold } from '@ree/shared-kernel';
import { spec } from '@ree/testing';
import { MINE_REGISTERED, MINING_QUOTA_ALLOCATED, MINING_QUOTA_DRAWN, MINING_QUOTA_RETURNED, MineEvent } from '../../mine/mine.events';
import { remainingQuotaGrams } from '../../mine/mine.state';
import { DrawMiningQuotaCommand } from './draw-mining-quota.command';
import { drawMiningQuotaDecider } from './draw-mining-quota.decide';

const mineId = '3e1f6a52-8d0c-4b7e-9f21-6c4d2b8a9e10';
const registered: MineEvent = {
  type: MINE_REGISTERED,
  data: {
    mineId,
    name: 'Bayan Obo East',
    operator: 'Baotou Steel Rare-Earth Hi-Tech',
    region: 'Inner Mongolia',
    country: 'CN',
    miningLicenceNo: 'C1500002011071120113924',
    depositType: 'bastnaesite',
  },
};
const allocated = (quotaKgReo: number): MineEvent => ({
  type: MINING_QUOTA_ALLOCATED,
  data: { allocationId: `a-${quotaKgReo}`, year: 2025, category: 'light', quotaKgReo },
});
const draw = (declarationId: string, kgReo: number): DrawMiningQuotaCommand => ({
  mineId,
  year: 2025,
  category: 'light',
  kgReo,
  consignmentId: 'c1',
  declarationId,
});
const drawn = (declarationId: string, kgReo: number): MineEvent => ({
  type: MINING_QUOTA_DRAWN,
  data: { year: 2025, category: 'light', kgReo, consignmentId: 'c1', declarationId },
});

describe('draw a mining quota', () => {
  it('draws a declaration on the year and category it names', () => {
    spec(drawMiningQuotaDecider).given([registered, allocated(1000)]).when(draw('d1', 400.5)).then([drawn('d1', 400.5)]);
  });

  it('quota-exceeded: the sum drawn never exceeds the allocation, exact to the gram', () => {
    const history = [registered, allocated(1000), drawn('d1', 999.999)];
    spec(drawMiningQuotaDecider).given(history).when(draw('d2', 0.002)).thenRefused('quota-exceeded');
    spec(drawMiningQuotaDecider).given(history).when(draw('d2', 0.001)).then([drawn('d2', 0.001)]);
  });

  it('quota-exceeded: a category or year without an allocation has nothing to draw', () => {
    spec(drawMiningQuotaDecider).given([registered, allocated(1000)]).when({ ...draw('d1', 1), category: 'medium-heavy' }).thenRefused('quota-exceeded');
    spec(drawMiningQuotaDecider).given([registered, allocated(1000)]).when({ ...draw('d1', 1), year: 2026 }).thenRefused('quota-exceeded');
  });

  it('a returned draw frees its quota for the next declaration', () => {
    const returned: MineEvent = {
      type: MINING_QUOTA_RETURNED,
      data: { year: 2025, category: 'light', kgReo: 1000, consignmentId: 'c1', declarationId: 'd1', reason: 'consignment-cancelled' },
    };
    const history = [registered, allocated(1000), drawn('d1', 1000), returned];
    spec(drawMiningQuotaDecider).given(history).when(draw('d2', 1000)).then([drawn('d2', 1000)]);
    expect(remainingQuotaGrams(fold(drawMiningQuotaDecider, history), 2025, 'light')).toBe(1_000_000);
  });

  it('the same declaration drawn again stays quiet, even when the quota is spent', () => {
    spec(drawMiningQuotaDecider).given([registered, allocated(1000), drawn('d1', 1000)]).when(draw('d1', 1000)).thenNothing();
  });

  it('an unknown mine is not found', () => {
    spec(drawMiningQuotaDecider).given([]).when(draw('d1', 1)).thenNotFound();
  });
});
