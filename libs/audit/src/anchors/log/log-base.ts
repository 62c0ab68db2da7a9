import type { PublishedKey } from '../anchor-keyring';
import { verifyAnchorWithKeys } from '../anchor-keyring';
import { anchorRows } from '../anchor-store';
import type { Sql } from '../stream-heads';
import { EMPTY_LOG, LogState } from './log-hash';

/** How many of the latest anchors the taker looks through for one to extend. */
const LOOK_BACK = 100;

/**
 * Where the next anchor's log starts: the log state of the latest anchor that commits to the log,
 * whose signature holds with a published key valid when it was taken, and that lies at or below
 * `upTo`; the empty log when there is none (the first anchor after the log was anchored reads
 * every event once).
 *
 * Why this trusts nothing that can be tampered with unseen: the state taken over is the signed
 * `{events, logHash, lastPosition}` of an anchor, which only the holder of a signing key can make.
 * A row forged or edited in `audit.anchors` fails its signature and is passed over. Events changed
 * below that anchor's position since it was taken are not read again here, so they do not enter
 * the new anchor: it goes on committing to the log as it was, and checking it against the store
 * (the check, the nightly sweep) shows the change.
 */
export async function logBase(sql: Sql, keys: readonly PublishedKey[], upTo: string | null): Promise<LogState> {
  for (const stored of await anchorRows.page(sql, LOOK_BACK)) {
    const { anchor } = stored;
    if (anchor.logHash === null) continue;
    if (anchor.lastPosition !== null && (upTo === null || BigInt(anchor.lastPosition) > BigInt(upTo))) continue;
    if (!verifyAnchorWithKeys(anchor, keys).valid) continue;
    return { events: anchor.events, logHash: anchor.logHash, lastPosition: anchor.lastPosition };
  }
  return EMPTY_LOG;
}
