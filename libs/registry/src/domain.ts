/**
 * The pure part of this context's public surface: the mine's and the restricted parties' events,
 * stream ids, state and evolve, the name normalisation screening uses and the quota deciders other
 * contexts call. Domain code of other contexts imports it as `@ree/registry/domain`: it reaches no
 * framework (the `domain-reaches-no-platform` rule of .dependency-cruiser.js). `index.ts` re-exports
 * it.
 */
export * from './mine/mine.events';
export { mineIdOf, mineStream, mineStreamId } from './mine/mine.stream';
export { drawnGrams, evolveMine, initialMineState, quotaKey, remainingQuotaGrams } from './mine/mine.state';
export type { DrawState, MineState, QuotaState } from './mine/mine.state';
export * from './restricted-party/restricted-party.events';
export { restrictedPartyStream, restrictedPartyStreamId } from './restricted-party/restricted-party.stream';
export { normaliseName } from './screening/name-normaliser';
export * from './restricted-list/restricted-list.events';
export { restrictedListStream, restrictedListStreamId } from './restricted-list/restricted-list.stream';
export { evolveRestrictedList, initialRestrictedListState } from './restricted-list/restricted-list.state';
export type { RestrictedListState } from './restricted-list/restricted-list.state';
export { CONTROL_LIST_ID, listIdOfListing, REFERENCE_LISTS, referenceList, UNRELIABLE_ENTITY_LIST_ID, WATCH_LIST_ID } from './restricted-list/reference-lists';
export * from './ownership/ownership.events';
export { ownershipStream, ownershipStreamId } from './ownership/ownership.stream';
export { companyKey, isMajority, MAJORITY_SHARE_PERCENT, nameKey, walkToListedOwners, walkToOwnedCompanies } from './ownership/ownership-walk';
export type { OwnedReached, OwnerReached, OwnershipEdge } from './ownership/ownership-walk';
export type { DrawMiningQuotaCommand } from './commands/draw-mining-quota/draw-mining-quota.command';
export { drawMiningQuota, drawMiningQuotaDecider } from './commands/draw-mining-quota/draw-mining-quota.decide';
export type { ReturnMiningQuotaCommand } from './commands/return-mining-quota/return-mining-quota.command';
export { returnMiningQuota, returnMiningQuotaDecider } from './commands/return-mining-quota/return-mining-quota.decide';
export { controlListOn } from './control-list/control-list.state';
export type { ControlAnnouncement, ControlChange, ControlEntry, ControlTarget, EntryInForce } from './control-list/control-list.state';
export { classify, classifyByList, hsCodeAmong } from './control-list/classification.rule';
export type {
  CatchAllGround,
  Classification,
  ClassificationEntry,
  DeclaredItem,
  ListClassification,
  MilitaryEndUseGround,
  OfficerNoticeGround,
  RestrictedEndUserGround,
} from './control-list/classification.rule';
export * from './control-list/control-announcement.events';
export { controlAnnouncementStream, controlAnnouncementStreamId } from './control-list/control-announcement.stream';
export * from './control-list/announcement-number';
export { evolveControlAnnouncement, initialControlAnnouncementState } from './control-list/control-announcement.state';
export type { ControlAnnouncementState, ControlAnnouncementStatus } from './control-list/control-announcement.state';
export { isCalendarDay } from './control-list/control-announcement.rules';
export { NO_18, NO_57, NO_61, NO_62, NO_70, REFERENCE_ANNOUNCEMENTS, REFERENCE_DATA_ACTOR } from './control-list/reference-announcements';
export type { ReferenceAnnouncement } from './control-list/reference-announcements';
export type { ListConsequence, OwnershipLink, PartyListMatch } from './screening/party-screening';
export type { ControlListOnDay } from './control-list/control-list.reader';
