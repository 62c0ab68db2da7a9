import { spec } from '@ree/testing';
import { LICENCE_ALLOCATION_RELEASED, LICENCE_QUANTITY_SHIPPED, LICENCE_REVOKED } from '../../licence/licence.events';
import { allocated, issued, LICENCE_ID } from '../../testing/licence-events';
import { releaseOnLicenceDecider } from './release-on-licence.decide';

const release = (kg: number) => ({ licenceId: LICENCE_ID, consignmentId: 'c1', kg, reason: 'consignment cancelled' });
const releasedEvent = (kg: number) => ({ type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: 'c1', kg, reason: 'consignment cancelled' } }) as const;

describe('release on a licence', () => {
  it('gives back what a consignment holds, even on a revoked licence', () => {
    spec(releaseOnLicenceDecider)
      .given([...issued, allocated('c1', 12000), { type: LICENCE_REVOKED, data: { reason: 'r' } }])
      .when(release(12000))
      .then([releasedEvent(12000)]);
  });

  it('gives back the unshipped rest after a shipment', () => {
    spec(releaseOnLicenceDecider)
      .given([...issued, allocated('c1', 12000), { type: LICENCE_QUANTITY_SHIPPED, data: { consignmentId: 'c1', kg: 11999.5 } }])
      .when(release(0.5))
      .then([releasedEvent(0.5)]);
  });

  it('nothing held (a repeat, or never allocated) decides nothing', () => {
    spec(releaseOnLicenceDecider).given([...issued, allocated('c1', 12000), releasedEvent(12000)]).when(release(12000)).thenNothing();
    spec(releaseOnLicenceDecider).given(issued).when(release(12000)).thenNothing();
  });

  it('invalid-transition: more than the consignment holds', () => {
    spec(releaseOnLicenceDecider).given([...issued, allocated('c1', 12000)]).when(release(12000.001)).thenRefused('invalid-transition');
  });

  it('an unknown licence is not found', () => {
    spec(releaseOnLicenceDecider).given([]).when(release(1)).thenNotFound();
  });
});
