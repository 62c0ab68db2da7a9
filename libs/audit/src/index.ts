/** The audit context (issue 5): history as of any point, integrity of the hash chains, signed anchors and proofs. */
export { AuditModule } from './audit.module';
