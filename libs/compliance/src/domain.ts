/**
 * The pure part of this context's public surface: the deadline jobs' and the retro-screening's
 * deciders, with the payloads they decide on (docs/decisions.md, 38). Domain code of other contexts
 * imports it as `@ree/compliance/domain`: it reaches no framework (the `domain-reaches-no-platform`
 * rule of .dependency-cruiser.js). `index.ts` re-exports it.
 */
export { deadlineAt, deadlineDueAt, raiseDeadlineFlag, raiseDeadlineFlagDecider } from './jobs/deadline-flags.decide';
export type { DeadlineFlagCode, DeadlineState, RaiseDeadlineFlagCommand } from './jobs/deadline-flags.decide';
export {
  concernedByListing,
  flagListedParty,
  flagListedPartyDecider,
  chainText,
  matchDetail,
  ownershipMatchDetail,
  ownershipSuspensionReason,
  suspendsLicence,
  RESTRICTED_PARTY_MATCH,
  RESTRICTED_PARTY_MATCH_SEVERITY,
  RETRO_SCREENING_MONTHS,
  retroScreeningSince,
  suspensionReason,
  unlicensedMatchDetail,
  unlicensedOwnershipMatchDetail,
} from './jobs/restricted-party-match.decide';
export type {
  FlagListedPartyCommand,
  LicenceMatch,
  LicenceNameMatch,
  MatchedList,
  OwnedParty,
  OwnershipMatchJob,
  RestrictedPartyMatchJob,
  UnlicensedMatch,
} from './jobs/restricted-party-match.decide';
