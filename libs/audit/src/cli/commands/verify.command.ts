import type { ConsignmentIntegrityResponseDto, StreamIntegrityResponseDto } from '../../queries/check-consignment-integrity/check-consignment-integrity.response.dto';
import { consignmentIdFrom, parseArguments, wholeNumberOption } from '../arguments';
import type { AuditApi } from '../audit-api';
import type { AuditCommand, CliIo } from '../audit-command';

/** Events per request: a stream longer than this is checked in slices, with a progress line after each. */
export const DEFAULT_VERIFY_PAGE = 5000;
const MAX_VERIFY_PAGE = 10_000;

/** A stream's whole check, from its first slice and the ones that went on from `nextRevision`. */
async function wholeStream(api: AuditApi, io: CliIo, consignmentId: string, first: StreamIntegrityResponseDto, page: number): Promise<StreamIntegrityResponseDto> {
  let { events, headHash, firstBrokenRevision, reason, nextRevision } = first;
  while (nextRevision !== undefined) {
    io.err(`  ${first.streamId}: ${events} events checked${firstBrokenRevision === undefined ? '' : `, broken at revision ${firstBrokenRevision}`}…`);
    const query = { stream: first.streamId, fromRevision: nextRevision, maxCount: page };
    const [slice] = (await api.get<ConsignmentIntegrityResponseDto>(`/consignments/${consignmentId}/integrity`, query)).streams;
    events += slice.events;
    headHash = slice.headHash;
    if (firstBrokenRevision === undefined) ({ firstBrokenRevision, reason } = slice);
    nextRevision = slice.nextRevision;
  }
  return { streamId: first.streamId, events, headHash, ...(firstBrokenRevision !== undefined && { firstBrokenRevision, reason }) };
}

/**
 * `verify <consignmentId> [--page-size <n>]`: the API recomputes the hash chain of every stream
 * the consignment touches, `--page-size` events of each stream per request, so that a long stream
 * shows its progress; each stream's result (with why a broken one is broken), the latest anchor to
 * check what the chain cannot show, then the verdict. Exit code 0 when every link holds, 1 when one
 * does not.
 */
export const verifyCommand: AuditCommand = {
  name: 'verify',
  usage: `<consignmentId> [--page-size <n>]   (default ${DEFAULT_VERIFY_PAGE})`,
  summary: "recompute the hash chains of the consignment's streams; exit code 1 when one is broken",
  async run(args, { api, io }) {
    const parsed = parseArguments(args, ['page-size']);
    const consignmentId = consignmentIdFrom(parsed);
    const page = wholeNumberOption(parsed.options, 'page-size', 1, MAX_VERIFY_PAGE) ?? DEFAULT_VERIFY_PAGE;
    const first = await api.get<ConsignmentIntegrityResponseDto>(`/consignments/${consignmentId}/integrity`, { maxCount: page });
    io.out(`Consignment ${consignmentId}: ${first.streams.length} streams`);
    const results: StreamIntegrityResponseDto[] = [];
    for (const slice of first.streams) {
      const result = await wholeStream(api, io, consignmentId, slice, page);
      results.push(result);
      io.out(
        result.firstBrokenRevision === undefined
          ? `  ✓ ${result.streamId}: ${result.events} events, head ${result.headHash}`
          : `  ✗ ${result.streamId}: BROKEN at revision ${result.firstBrokenRevision}, ${result.reason ?? 'broken'} (${result.events} events stored)`,
      );
    }
    const anchor = first.latestAnchor;
    io.out(
      anchor
        ? `The chain cannot show a deleted tail or a stream rewritten with the key: check the latest anchor (${anchor.id}, ${anchor.takenAt}) with npm run audit -- check-anchor ${anchor.id}`
        : 'The chain cannot show a deleted tail or a stream rewritten with the key, and no anchor has been taken yet to check them against.',
    );
    const broken = results.filter((result) => result.firstBrokenRevision !== undefined);
    io.out(
      broken.length === 0
        ? `Valid: every link of ${results.length} streams holds (${results.reduce((sum, result) => sum + result.events, 0)} events).`
        : `BROKEN: ${broken.map((result) => `${result.streamId} at revision ${result.firstBrokenRevision}`).join('; ')}.`,
    );
    return broken.length === 0 ? 0 : 1;
  },
};
