import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Anchor, anchorBodyOf, signAnchor, sortLeaves } from './anchor';
import type { AnchorKeyring } from './anchor-keyring';
import { anchorRows } from './anchor-store';
import { logBase } from './log/log-base';
import { EMPTY_LOG, extendLogFromStore } from './log/log-hash';
import { readStreamHeads } from './stream-heads';

/** One lock for every process that takes anchors: the worker's jobs and `POST /audit/anchors`. */
const TAKE_ANCHOR_LOCK = `hashtext('audit:take-anchor')`;

export interface TakeAnchorOptions {
  /** The job that asks for it: a job run twice (retried after a crash) answers the anchor it took. */
  readonly jobId?: string;
}

/**
 * Takes an anchor: reads every stream's head below the store's horizon, builds the Merkle tree,
 * extends the global log from the latest valid anchor's signed log state to the same position
 * (`log/log-base.ts`: only the events since that anchor are read), signs and stores the anchor with its leaves, in one transaction under a transaction
 * advisory lock. Two takers (two workers, a job and a request) therefore run one after the
 * other, each anchor is complete or absent, and `seq` follows `takenAt`. Everything is computed
 * before the first write: the transaction holds no transaction id, so it does not hold back the
 * store's catch-up readers, until its two INSERTs.
 */
export class AnchorTaker {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keyring: AnchorKeyring,
  ) {}

  async take(options: TakeAnchorOptions = {}): Promise<Anchor> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${TAKE_ANCHOR_LOCK})`);
      if (options.jobId) {
        const taken = await anchorRows.byJob(manager, options.jobId);
        if (taken) return taken.anchor;
      }
      const { heads, lastPosition, readAt } = await readStreamHeads(manager);
      const leaves = sortLeaves(heads);
      const base = await logBase(manager, this.keyring.keys, lastPosition);
      const log = lastPosition === null ? EMPTY_LOG : await extendLogFromStore(manager, base, lastPosition);
      const { signing } = this.keyring;
      const body = anchorBodyOf(leaves, readAt, lastPosition, signing.keyId, log);
      const anchor: Anchor = { id: randomUUID(), ...body, signature: signAnchor(body, signing.privateKey) };
      const previous = await anchorRows.latest(manager);
      const leavesOf = previous && previous.anchor.root === anchor.root && previous.anchor.streams === anchor.streams ? previous.leavesOf : anchor.id;
      await anchorRows.insert(manager, { anchor, leavesOf, jobId: options.jobId }, leaves);
      return anchor;
    });
  }
}
