import { EventStore, handleCommand } from '@ree/event-store';
import { consignmentStream } from '@ree/consignment';
import { LICENCE_PROJECTION } from '@ree/licensing';
import { RESTRICTED_PARTY_DELISTED, RESTRICTED_PARTY_PROJECTION, restrictedPartyStream } from '@ree/registry';
import { eventIdsFrom } from '@ree/shared-kernel';
import type { DataSource } from 'typeorm';
import { LicencePartyMatcher } from './licence-party-matcher';
import {
  flagListedPartyDecider,
  LicenceMatch,
  matchDetail,
  RestrictedPartyMatchJob,
  retroScreeningSince,
  suspensionReason,
} from './restricted-party-match.decide';
import { RESTRICTED_PARTY_MATCH_ACTOR, RESTRICTED_PARTY_MATCH_QUEUE } from './restricted-party-match.job';
import { suspendAsSystem } from './system-suspension';

/** Customs records an arrival while the job flags: a lost race is decided again, up to this many times. */
const RETRIES = 16;

/**
 * `screened` with what it did; `waiting`: a read model has not yet reached the listing, run again
 * shortly; `delisted`: the party was delisted before the job ran, nothing to do.
 */
export type ScreeningOutcome =
  | { readonly outcome: 'screened'; readonly licencesMatched: number; readonly licencesSuspended: number; readonly consignmentsFlagged: number }
  | { readonly outcome: 'waiting' | 'delisted' };

export interface RestrictedPartyScreenerOptions {
  /** The projections whose checkpoints must have reached the listing before the licences are read. */
  readonly readModels?: readonly string[];
  readonly matcher?: LicencePartyMatcher;
}

/**
 * Runs one retro-screening job: screens the listed party against every licence of the licensing
 * read model, then, on each matched licence's own stream, suspends it as the system when it is
 * in force, and flags `RESTRICTED_PARTY_MATCH` every consignment on it (its allocations, read from
 * the stream after the suspension, so that none attached before it is missed) that has not yet
 * arrived or arrived in the 24 months before the listing. Event ids derive from the job id (the
 * listing's event id): a job run twice, or enqueued again by a replay, appends nothing twice.
 */
export class RestrictedPartyScreener {
  private readonly readModels: readonly string[];
  private readonly matcher: LicencePartyMatcher;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    options: RestrictedPartyScreenerOptions = {},
  ) {
    this.readModels = options.readModels ?? [LICENCE_PROJECTION, RESTRICTED_PARTY_PROJECTION];
    this.matcher = options.matcher ?? new LicencePartyMatcher(dataSource);
  }

  async screen(job: RestrictedPartyMatchJob, jobId: string, now: Date): Promise<ScreeningOutcome> {
    if (!(await this.readModelsReached(job.listingPosition))) return { outcome: 'waiting' };
    if (await this.delistedSince(job)) return { outcome: 'delisted' };
    const matches = await this.matcher.matches([job.name, ...job.aliases]);
    let licencesSuspended = 0;
    let consignmentsFlagged = 0;
    for (const match of matches) {
      const { suspended, licence } = await suspendAsSystem(this.store, {
        licenceId: match.licenceId,
        reason: suspensionReason(job, match),
        actor: RESTRICTED_PARTY_MATCH_ACTOR,
        queue: RESTRICTED_PARTY_MATCH_QUEUE,
        jobId,
        now,
      });
      if (suspended) licencesSuspended++;
      for (const consignmentId of Object.keys(licence.allocations)) {
        if (await this.flag(job, match, consignmentId, jobId)) consignmentsFlagged++;
      }
    }
    return { outcome: 'screened', licencesMatched: matches.length, licencesSuspended, consignmentsFlagged };
  }

  /**
   * The licensing read model holds every licence applied before the listing once its checkpoint
   * has reached the listing; the registry's, once it has, makes every later screening of an
   * approval, issue or reinstatement see the party (the race left is in docs/compliance.md, "Restricted party listed later").
   */
  private async readModelsReached(listingPosition: string): Promise<boolean> {
    const rows: Array<{ name: string; checkpoint: string | null }> = await this.dataSource.query(
      `SELECT name, checkpoint FROM projections.checkpoints WHERE name = ANY($1)`,
      [[...this.readModels]],
    );
    return this.readModels.every((name) => {
      const checkpoint = rows.find((row) => row.name === name)?.checkpoint ?? null;
      return checkpoint !== null && this.store.comparePositions(checkpoint, listingPosition) >= 0;
    });
  }

  private async delistedSince(job: RestrictedPartyMatchJob): Promise<boolean> {
    const events = await this.store.readStream(restrictedPartyStream.streamId(job.partyId));
    return events.some((event) => event.type === RESTRICTED_PARTY_DELISTED && event.revision > job.listingRevision);
  }

  private async flag(job: RestrictedPartyMatchJob, match: LicenceMatch, consignmentId: string, jobId: string): Promise<boolean> {
    const streamId = consignmentStream.streamId(consignmentId);
    const command = { consignmentId, licenceId: match.licenceId, since: retroScreeningSince(job.listedAt), detail: matchDetail(job, match) };
    const result = await handleCommand(this.store, streamId, flagListedPartyDecider, command, {
      metadata: { actor: RESTRICTED_PARTY_MATCH_ACTOR, correlationId: jobId, causationId: jobId },
      eventId: eventIdsFrom(`${RESTRICTED_PARTY_MATCH_QUEUE}:${jobId}`, streamId),
      stream: consignmentStream,
      retries: RETRIES,
    });
    return result.newEvents.length > 0;
  }
}
