import { verifyAnchor } from '../../anchors/verify';
import type { AuditCommand } from '../audit-command';
import { printVerdict, validityProblems, verificationInputs } from './verification-inputs';

/**
 * `verify-anchor <anchor.json> [--public-key <file.pem>]`: checks an anchor as served by
 * `GET /audit/anchors/latest` (or one item of `GET /audit/anchors`) offline: its form, that the
 * key is the one it names, and its Ed25519 signature. Exit code 0 when it verifies, 1 when not.
 */
export const verifyAnchorCommand: AuditCommand = {
  name: 'verify-anchor',
  usage: '<anchor.json> [--public-key <file.pem>]',
  summary: "check an anchor's signature offline with the public key; exit code 1 when it does not verify",
  async run(args, { io }) {
    const inputs = await verificationInputs(args, 'anchor');
    const { document, publicKeyPem, keySource } = inputs;
    const checked = verifyAnchor(document, publicKeyPem);
    const problems = [...checked.problems, ...validityProblems(inputs, 'anchor')];
    const anchor = document as { id?: unknown; root?: unknown; takenAt?: unknown; streams?: unknown; events?: unknown; keyId?: unknown };
    io.out(`Anchor ${String(anchor.id ?? '(no id)')}, key from ${keySource}`);
    const held = () => [
      `signed by key ${String(anchor.keyId)}`,
      `root ${String(anchor.root)} over ${String(anchor.streams)} streams and ${String(anchor.events)} events, taken at ${String(anchor.takenAt)}`,
    ];
    return printVerdict(io, problems, held, 'Valid: the signature holds.');
  },
};
