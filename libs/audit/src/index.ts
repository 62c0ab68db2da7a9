/** The audit context: history as of any point, integrity of the hash chains, signed anchors and proofs. */
export { AuditModule } from './audit.module';
export { readConsignmentStream, streamsDrawnOn } from './consignment-streams';
export { checkConsignmentIntegrity } from './integrity/consignment-integrity';
export type { ConsignmentIntegrity, IntegrityOptions, IntegritySlice } from './integrity/consignment-integrity';
export { verifyStream } from './integrity/verify-stream';
export type { StreamBreak, StreamIntegrity, VerifyStreamOptions } from './integrity/verify-stream';
export { GetConsignmentHistoryHandler } from './queries/get-consignment-history/get-consignment-history.handler';
export { GetConsignmentHistoryQuery } from './queries/get-consignment-history/get-consignment-history.query';
export { MalformedEvent } from './history/malformed-event';
export { AUDIT_READERS } from './readers';
export { anchorBodyOf, anchorLeafHash, anchorMessage, keyIdOf, leafData, rootOfLeaves, signAnchor, sortLeaves } from './anchors/anchor';
export type { Anchor, AnchorBody, AnchorLeaf } from './anchors/anchor';
export { AnchorKeyError, loadAnchorKey } from './anchors/anchor-key';
export type { AnchorKey, AnchorKeyOptions } from './anchors/anchor-key';
export { EVENT_PROOF_FORMAT, eventProofOf } from './anchors/event-proof';
export type { EventProof, ProvenEvent } from './anchors/event-proof';
export { verifyAnchor, verifyProof } from './anchors/verify';
export type { Verification } from './anchors/verify';
export { AnchorTaker } from './anchors/anchor-taker';
export { AnchorProofs, NotAnchoredYet } from './anchors/anchor-proofs';
export { checkAnchor } from './anchors/check/anchor-check';
export type { AnchorCheck, AnchorCheckOptions } from './anchors/check/anchor-check';
export { FINDING_KINDS } from './anchors/check/findings';
export type { Finding, FindingKind } from './anchors/check/findings';
export { keyValidAt, loadAnchorKeyring, verifyAnchorWithKeys } from './anchors/anchor-keyring';
export type { AnchorKeyring, AnchorKeyringOptions, PublishedKey } from './anchors/anchor-keyring';
export { EMPTY_LOG, extendLog, LOG_GENESIS } from './anchors/log/log-hash';
export type { LogEntry, LogState } from './anchors/log/log-hash';
export { AnchorModule } from './anchors/anchor.module';
export { checkAnchorKey } from './anchors/anchor.providers';
export { AnchorJobs, AnchorJobsModule, ensureSchedule, processTakeAnchorJob, TAKE_ANCHOR_JOB, TAKE_ANCHOR_QUEUE } from './jobs/anchor-jobs';
export type { TakeAnchorJob } from './jobs/anchor-jobs';
export { runIntegritySweep } from './jobs/integrity-sweep';
export type { IntegritySweepOptions } from './jobs/integrity-sweep';
export { sweepRecords } from './jobs/sweep-records';
export type { IntegritySweepRecord } from './jobs/sweep-records';
export {
  ensureIntegritySchedule,
  findingLine,
  INTEGRITY_SWEEP_JOB,
  INTEGRITY_SWEEP_QUEUE,
  IntegritySweepJobs,
  IntegritySweepJobsModule,
  upsertIntegritySchedule,
} from './jobs/integrity-sweep-jobs';
