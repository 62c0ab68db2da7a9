import { spec } from '@ree/testing';
import { MINE_REGISTERED, MINING_QUOTA_ALLOCATED, MINING_QUOTA_DRAWN, MINING_QUOTA_RETURNED, MineEvent } from '../../mine/mine.events';
import { ReturnMiningQuotaCommand } from './return-mining-quota.command';
import { returnMiningQuotaDecider } from './return-mining-quota.decide';

const mineId = '7a2c9e41-5b3d-4f6a-8e1c-0d9f2b7a4c63';
const registered: MineEvent = {
  type: MINE_REGISTERED,
  data: {
    mineId,
    name: 'Zudong',
    operator: 'Ganzhou Rare Earth Group',
    region: 'Jiangxi',
    country: 'CN',
    miningLicenceNo: 'C3600002010056220067895',
    depositType: 'ionic-clay',
  },
};
const allocated: MineEvent = {
  type: MINING_QUOTA_ALLOCATED,
  data: { allocationId: 'a1', year: 2025, category: 'medium-heavy', quotaKgReo: 5000 },
};
const draw = { year: 2025, category: 'medium-heavy', kgReo: 1234.567, consignmentId: 'c1', declarationId: 'd1' } as const;
const drawn: MineEvent = { type: MINING_QUOTA_DRAWN, data: draw };
const giveBack = (declarationId = 'd1'): ReturnMiningQuotaCommand => ({
  mineId,
  year: 2025,
  category: 'medium-heavy',
  consignmentId: 'c1',
  declarationId,
  reason: 'consignment-cancelled',
});
const returned: MineEvent = { type: MINING_QUOTA_RETURNED, data: { ...draw, reason: 'consignment-cancelled' } };

describe('return a mining quota draw', () => {
  it('gives back the whole draw, as the mine recorded it', () => {
    spec(returnMiningQuotaDecider).given([registered, allocated, drawn]).when(giveBack()).then([returned]);
  });

  it('a draw already returned stays quiet', () => {
    spec(returnMiningQuotaDecider).given([registered, allocated, drawn, returned]).when(giveBack()).thenNothing();
  });

  it('a declaration that never drew has nothing to return', () => {
    spec(returnMiningQuotaDecider).given([registered, allocated, drawn]).when(giveBack('d2')).thenNothing();
  });

  it('an unknown mine is not found', () => {
    spec(returnMiningQuotaDecider).given([]).when(giveBack()).thenNotFound();
  });
});
