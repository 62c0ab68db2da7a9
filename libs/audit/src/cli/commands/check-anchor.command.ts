import type { AnchorCheckResponseDto } from '../../anchors/http/anchor-check.response.dto';
import type { AnchorResponseDto } from '../../anchors/http/anchor.response.dto';
import { parseArguments } from '../arguments';
import type { AuditCommand } from '../audit-command';
import { UsageError } from '../audit-command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `check-anchor <anchorId|latest>`: the API checks the anchor against the store as it is now
 * (`POST /audit/anchors/{id}/check`): signature, leaves, every anchored stream's head and chain,
 * and the global log. One line for the anchor, one per finding naming the stream and revision,
 * then the verdict. Exit code 0 when the store holds what the anchor signed, 1 when it does not.
 */
export const checkAnchorCommand: AuditCommand = {
  name: 'check-anchor',
  usage: '<anchorId|latest>',
  summary: 'check an anchor against the store now (heads, chains, the global log); exit code 1 on any finding',
  async run(args, { api, io }) {
    const [wanted, ...rest] = parseArguments(args, []).positional;
    if (wanted === undefined) throw new UsageError('An anchor id, or latest, is required.');
    if (rest.length > 0) throw new UsageError(`Unexpected argument ${rest[0]}.`);
    if (wanted !== 'latest' && !UUID.test(wanted)) throw new UsageError(`${wanted} is neither an anchor id (a UUID) nor latest.`);
    const anchorId = wanted === 'latest' ? (await api.get<AnchorResponseDto>('/audit/anchors/latest')).id : wanted;
    io.err(`Checking anchor ${anchorId} against the store (every event up to its position is read)…`);
    const { anchor, consistent, streams, events, findings } = await api.post<AnchorCheckResponseDto>(`/audit/anchors/${anchorId}/check`);
    io.out(`Anchor ${anchor.id} taken ${anchor.takenAt} by key ${anchor.keyId.slice(0, 16)}…: ${streams} streams, ${anchor.events} events up to position ${anchor.lastPosition ?? '(none)'}`);
    for (const finding of findings) {
      const where = finding.streamId === undefined ? '' : ` ${finding.streamId} revision ${finding.revision}`;
      io.out(`  ✗ ${finding.kind}${where}: ${finding.detail}`);
    }
    io.out(
      consistent
        ? `Consistent: the store holds what the anchor signed (${events} events).`
        : `NOT CONSISTENT: ${findings.length} finding(s); the store holds ${events} events up to the anchor's position.`,
    );
    return consistent ? 0 : 1;
  },
};
