import type { AppConfig } from '@ree/platform/config';
import { flagPolicy, type FlagPolicy } from '../flags';

/** The part of the configuration that the red-flag rules read. */
export type FlagPolicyConfig = Pick<AppConfig, 'flags' | 'deadlines'>;

/**
 * The deployment's one flag policy (docs/decisions.md, 10): the configured yield floors over the
 * library's defaults, and the deadlines. The projection, the flag jobs and the audit's history
 * must fold with the same policy, or they would show different flags for the same events.
 */
export const configuredFlagPolicy = (config: FlagPolicyConfig): FlagPolicy =>
  flagPolicy({
    yieldFloors: config.flags.yieldFloors,
    arrivalDueDays: config.deadlines.arrivalNotConfirmedDays,
    endUseCheckDueDays: config.deadlines.endUseCheckOverdueDays,
  });
