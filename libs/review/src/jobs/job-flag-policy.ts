import type { AppConfig } from '@ree/platform';
import { flagPolicy, FlagPolicy } from '../flags/flag-policy';

/**
 * The flag policy of the configuration, the same everywhere (docs/decisions.md, 10). The jobs
 * evaluate only the two time-based flags, whose deadlines come from `ARRIVAL_NOT_CONFIRMED_DAYS`
 * and `END_USE_CHECK_OVERDUE_DAYS`; the yield floors ride along so that one policy means one thing.
 */
export const jobFlagPolicy = (config: AppConfig): FlagPolicy =>
  flagPolicy({
    yieldFloors: config.flags.yieldFloors,
    arrivalDueDays: config.deadlines.arrivalNotConfirmedDays,
    endUseCheckDueDays: config.deadlines.endUseCheckOverdueDays,
  });
