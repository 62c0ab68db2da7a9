/** The audit context (issue 5): history as of any point, integrity of the hash chains, signed anchors and proofs. */
export { AuditModule } from './audit.module';
export { readConsignmentStream, streamsDrawnOn } from './consignment-streams';
export { checkConsignmentIntegrity } from './integrity/consignment-integrity';
export type { ConsignmentIntegrity, IntegritySlice } from './integrity/consignment-integrity';
export { verifyStream } from './integrity/verify-stream';
export type { StreamIntegrity, VerifyStreamOptions } from './integrity/verify-stream';
export { AUDIT_READERS } from './readers';
