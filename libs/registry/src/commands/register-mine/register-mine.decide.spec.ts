import { aCommandContext, spec } from '@ree/testing';
import { MINE_REGISTERED, MineRegisteredData } from '../../mine/mine.events';
import { RegisterMineCommand } from './register-mine.command';
import { registerMineDecider } from './register-mine.decide';

const bayanObo: MineRegisteredData = {
  mineId: '0b7d3f5e-4c1a-4e8e-9a51-3f0c2f6f1a01',
  name: 'Bayan Obo East',
  operator: 'Baotou Steel Rare-Earth Hi-Tech',
  region: 'Inner Mongolia',
  country: 'CN',
  miningLicenceNo: 'C1500002011071120113924',
  depositType: 'bastnaesite',
};
const registered = { type: MINE_REGISTERED, data: bayanObo } as const;
const register = (mine: MineRegisteredData) => new RegisterMineCommand(mine, aCommandContext());

describe('register a mine', () => {
  it('records a new mine with its licence and deposit type', () => {
    spec(registerMineDecider).given([]).when(register(bayanObo)).then([registered]);
  });

  it('registering an existing mine id with other details is an invalid transition', () => {
    spec(registerMineDecider)
      .given([registered])
      .when(register({ ...bayanObo, operator: 'Someone else' }))
      .thenRefused('invalid-transition');
  });

  it('the same registration sent again stays quiet', () => {
    spec(registerMineDecider).given([registered]).when(register(bayanObo)).thenNothing();
  });
});
