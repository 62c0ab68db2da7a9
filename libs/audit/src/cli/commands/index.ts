import type { AuditCommand } from '../audit-command';
import { checkAnchorCommand } from './check-anchor.command';
import { replayCommand } from './replay.command';
import { verifyCommand } from './verify.command';
import { verifyAnchorCommand } from './verify-anchor.command';
import { verifyProofCommand } from './verify-proof.command';

/** The commands of `npm run audit`, in the order the usage lists them: one file each, one line here. */
export const AUDIT_COMMANDS: readonly AuditCommand[] = [replayCommand, verifyCommand, verifyAnchorCommand, verifyProofCommand, checkAnchorCommand];
