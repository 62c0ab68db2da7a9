import type { AuditCommand } from '../audit-command';
import { replayCommand } from './replay.command';
import { verifyCommand } from './verify.command';

/** The commands of `npm run audit`, in the order the usage lists them: one file each, one line here. */
export const AUDIT_COMMANDS: readonly AuditCommand[] = [replayCommand, verifyCommand];
