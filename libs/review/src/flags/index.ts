export { EVENT_FLAG_CODES, FLAG_CODES } from './flag';
export type { Flag, FlagChanges, FlagCode, FlagSeverity } from './flag';
export { daysAfter, DEFAULT_FLAG_POLICY, flagPolicy } from './flag-policy';
export type { FlagPolicy } from './flag-policy';
export { evolveFlagState, foldFlagState, initialFlagState } from './flag-state';
export type { ClassificationFact, FlagState, LicenceInterruption, SourceFact, StepFact } from './flag-state';
export { evaluateEventFlags, evaluateFlags, flagChanges, nextFlagDueAt } from './evaluate-flags';
