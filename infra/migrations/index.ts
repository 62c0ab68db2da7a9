import { MigrationInterface } from 'typeorm';

import { EventStore1764300000000 } from './1764300000000-event-store';
import { Projections1764300001000 } from './1764300001000-projections';
import { Idempotency1764300002000 } from './1764300002000-idempotency';
import { Registry1764300003000 } from './1764300003000-registry';
import { Licensing1764300004000 } from './1764300004000-licensing';
import { Review1764300005000 } from './1764300005000-review';
import { Audit1764300007000 } from './1764300007000-audit';
import { ProjectionRebuilds1764300008000 } from './1764300008000-projection-rebuilds';
import { IdempotencyFirstAttempt1764300009000 } from './1764300009000-idempotency-first-attempt';
import { PositionEpochs1764300010000 } from './1764300010000-position-epochs';
import { Jobs1764300012000 } from './1764300012000-jobs';
import { BlueGreenFunctions1764300013000 } from './1764300013000-blue-green-functions';
import { AnchorLog1764300015000 } from './1764300015000-anchor-log';
import { ScreeningSkeletons1764300016000 } from './1764300016000-screening-skeletons';
import { EventsPlacedByTheirTransaction1764300018000 } from './1764300018000-events-placed-by-their-transaction';
import { ControlAnnouncements1764300022000 } from './1764300022000-control-announcements';
import { PartyListsAndOwnership1764300023000 } from './1764300023000-party-lists-and-ownership';
import { LicenceKinds1764300024000 } from './1764300024000-licence-kinds';
import { ReviewClassification1764300025000 } from './1764300025000-review-classification';
import { ReviewUnlicensedConsignments1764300026000 } from './1764300026000-review-unlicensed-consignments';

/** Every migration, in order. Add a new one at the end; never edit one that has shipped. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  EventStore1764300000000,
  Projections1764300001000,
  Idempotency1764300002000,
  Registry1764300003000,
  Licensing1764300004000,
  Review1764300005000,
  Audit1764300007000,
  ProjectionRebuilds1764300008000,
  IdempotencyFirstAttempt1764300009000,
  PositionEpochs1764300010000,
  Jobs1764300012000,
  BlueGreenFunctions1764300013000,
  AnchorLog1764300015000,
  ScreeningSkeletons1764300016000,
  EventsPlacedByTheirTransaction1764300018000,
  ControlAnnouncements1764300022000,
  PartyListsAndOwnership1764300023000,
  LicenceKinds1764300024000,
  ReviewClassification1764300025000,
  ReviewUnlicensedConsignments1764300026000,
];

