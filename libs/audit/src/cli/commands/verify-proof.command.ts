import type { EventProof } from '../../anchors/event-proof';
import { verifyProof } from '../../anchors/verify';
import type { AuditCommand } from '../audit-command';
import { printVerdict, validityProblems, verificationInputs } from './verification-inputs';

/**
 * `verify-proof <proof.json> [--public-key <file.pem>]`: checks an event's inclusion proof as
 * served by `GET /audit/events/{eventId}/proof` offline: the anchor's signature, the event's
 * hash and the chain through the later events of its stream to the anchored head, and the audit
 * path to the signed root. Exit code 0 when it verifies, 1 when not.
 */
export const verifyProofCommand: AuditCommand = {
  name: 'verify-proof',
  usage: '<proof.json> [--public-key <file.pem>]',
  summary: "check an event's inclusion proof against its signed anchor offline; exit code 1 when it does not verify",
  async run(args, { io }) {
    const inputs = await verificationInputs(args, 'proof');
    const { document, publicKeyPem, keySource } = inputs;
    const checked = verifyProof(document, publicKeyPem);
    const problems = [...checked.problems, ...validityProblems(inputs, 'proof')];
    const proof = document as Partial<EventProof> | null;
    const event = proof?.event;
    io.out(`Event ${String(event?.eventId ?? '(no id)')} (${String(event?.type ?? '?')}, ${String(event?.streamId ?? '?')} revision ${String(event?.revision ?? '?')}), key from ${keySource}`);
    const held = () => {
      const { laterEvents, leaf, anchor, auditPath } = document as EventProof;
      const later = laterEvents.length;
      return [
        `its hash, and ${later} later event${later === 1 ? '' : 's'} of the stream up to the anchored head (revision ${leaf.revision})`,
        `leaf ${leaf.index} of ${anchor.streams}, ${auditPath.length} path hashes to root ${anchor.root}`,
        `anchor ${anchor.id} taken at ${anchor.takenAt}, signed by key ${anchor.keyId}`,
      ];
    };
    return printVerdict(io, problems, held, 'Valid: the event is part of the record the anchor signed.');
  },
};
