import { spec } from '@ree/testing';
import { LICENCE_ENDORSEMENT_WITHDRAWN, LICENCE_REVOKED } from '../../licence/licence.events';
import { endorsed, issuedAs, LICENCE_ID } from '../../testing/licence-events';
import { withdrawEndorsementDecider } from './withdraw-endorsement.decide';

const multiUse = issuedAs({ kind: 'multi-use', customsOffice: 'CNTSN' });
const withdraw = (consignmentId = 'c2') => ({ licenceId: LICENCE_ID, consignmentId, reason: 'consignment-cancelled' });
const withdrawn = { type: LICENCE_ENDORSEMENT_WITHDRAWN, data: { consignmentId: 'c2', number: 2, reason: 'consignment-cancelled' } } as const;

describe('withdraw an endorsement', () => {
  it("withdraws the consignment's endorsement by its number, in any status of the licence", () => {
    spec(withdrawEndorsementDecider).given([...multiUse, endorsed('c1', 1), endorsed('c2', 2)]).when(withdraw()).then([withdrawn]);
    spec(withdrawEndorsementDecider)
      .given([...multiUse, endorsed('c1', 1), endorsed('c2', 2), { type: LICENCE_REVOKED, data: { reason: 'r' } }])
      .when(withdraw())
      .then([withdrawn]);
  });

  it('nothing endorsed, or withdrawn already, decides nothing', () => {
    spec(withdrawEndorsementDecider).given([...multiUse, endorsed('c1', 1)]).when(withdraw()).thenNothing();
    spec(withdrawEndorsementDecider).given([...multiUse, endorsed('c1', 1), endorsed('c2', 2), withdrawn]).when(withdraw()).thenNothing();
  });

  it('an unknown licence is not found', () => {
    spec(withdrawEndorsementDecider).given([]).when(withdraw()).thenNotFound();
  });
});
