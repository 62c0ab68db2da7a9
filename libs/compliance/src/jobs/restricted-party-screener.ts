import { EventStore, handleCommand } from '@ree/event-store';
import { consignmentStream } from '@ree/consignment';
import { LICENCE_PROJECTION, LicenceState, licenceStream, suspendInForceDecider } from '@ree/licensing';
import {
  evolveRestrictedList,
  initialRestrictedListState,
  listIdOfListing,
  OWNERSHIP_ENDED,
  OWNERSHIP_PROJECTION,
  ownershipStream,
  referenceList,
  RESTRICTED_PARTY_DELISTED,
  RESTRICTED_PARTY_PROJECTION,
  restrictedListStream,
  restrictedPartyStream,
  ScreeningService,
} from '@ree/registry';
import { REVIEW_PROJECTION } from '@ree/review';
import { eventIdsFrom, fold } from '@ree/shared-kernel';
import type { DataSource } from 'typeorm';
import { LicencePartyMatcher, ReachedCompany } from './licence-party-matcher';
import {
  flagListedPartyDecider,
  LicenceMatch,
  LicenceNameMatch,
  matchDetail,
  MatchedList,
  OwnedParty,
  ownershipMatchDetail,
  OwnershipMatchJob,
  ownershipSuspensionReason,
  RestrictedPartyMatchJob,
  retroScreeningSince,
  suspendsLicence,
  suspensionReason,
  UnlicensedMatch,
  unlicensedMatchDetail,
  unlicensedOwnershipMatchDetail,
} from './restricted-party-match.decide';
import { RESTRICTED_PARTY_MATCH_ACTOR, RESTRICTED_PARTY_MATCH_QUEUE } from './restricted-party-match.job';
import { suspendAsSystem } from './system-suspension';
import { UnlicensedConsignmentMatcher } from './unlicensed-consignment-matcher';

/** Customs records an arrival while the job flags: a lost race is decided again, up to this many times. */
const RETRIES = 16;

/**
 * `screened` with what it did; `waiting`: a read model has not yet reached the listing or the fact, run again
 * shortly; `delisted`: the party was delisted before the job ran; `ended`: the ownership fact was ended before the
 * job ran — nothing to do.
 */
export type ScreeningOutcome =
  | { readonly outcome: 'screened'; readonly licencesMatched: number; readonly licencesSuspended: number; readonly consignmentsFlagged: number }
  | { readonly outcome: 'waiting' | 'delisted' | 'ended' };

export interface RestrictedPartyScreenerOptions {
  /** The projections whose checkpoints must have reached the listing before the licences and consignments are read. */
  readonly readModels?: readonly string[];
  readonly matcher?: LicencePartyMatcher;
  readonly unlicensed?: UnlicensedConsignmentMatcher;
  readonly screening?: ScreeningService;
}

/** Matched names by id, those reached through the ownership registry after those matched by name, one per field. */
function mergedNames(direct: ReadonlyArray<readonly [string, readonly LicenceNameMatch[]]>, owned: ReadonlyArray<readonly [string, readonly LicenceNameMatch[]]>): Map<string, LicenceNameMatch[]> {
  const byId = new Map<string, LicenceNameMatch[]>(direct.map(([id, names]) => [id, [...names]]));
  for (const [id, more] of owned) {
    const names = byId.get(id) ?? [];
    byId.set(id, [...names, ...more.filter((name) => !names.some((known) => known.field === name.field))]);
  }
  return byId;
}

/** A matched licence's names, those reached through the ownership registry after those matched by name, one per field. */
const merged = (direct: readonly LicenceMatch[], owned: readonly LicenceMatch[]): LicenceMatch[] =>
  [...mergedNames(direct.map((match) => [match.licenceId, match.names] as const), owned.map((match) => [match.licenceId, match.names] as const))].map(
    ([licenceId, names]) => ({ licenceId, names }),
  );

/** The same for consignments without a licence, matched by their end user. */
const mergedUnlicensed = (direct: readonly UnlicensedMatch[], owned: readonly UnlicensedMatch[]): UnlicensedMatch[] =>
  [...mergedNames(direct.map((match) => [match.consignmentId, match.names] as const), owned.map((match) => [match.consignmentId, match.names] as const))].map(
    ([consignmentId, names]) => ({ consignmentId, names }),
  );

/**
 * Runs one retro-screening job: screens the listed party against every licence of the licensing
 * read model — by name with the matcher, and through the ownership registry, walking down from the
 * party to every company it owns 50 % or more through a chain (the registry's walk, links matched
 * exactly) — then, on each matched licence's own stream, suspends it as the system when it is in
 * force and the party's list is `refuse` or `licence-required` (a `flag` list suspends nothing), and
 * flags `RESTRICTED_PARTY_MATCH` every consignment on it (its allocations, read from the stream after
 * the suspension, so that none attached before it is missed) that has not yet arrived or arrived in
 * the 24 months before the listing. A new ownership fact is screened the same way
 * (`screenOwnership`). Event ids derive from the job id (the event's id): a job run twice, or
 * enqueued again by a replay, appends nothing twice.
 */
export class RestrictedPartyScreener {
  private readonly readModels: readonly string[];
  private readonly matcher: LicencePartyMatcher;
  private readonly unlicensed: UnlicensedConsignmentMatcher;
  private readonly screening: ScreeningService;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    options: RestrictedPartyScreenerOptions = {},
  ) {
    this.readModels = options.readModels ?? [LICENCE_PROJECTION, REVIEW_PROJECTION, RESTRICTED_PARTY_PROJECTION, OWNERSHIP_PROJECTION];
    this.matcher = options.matcher ?? new LicencePartyMatcher(dataSource);
    this.unlicensed = options.unlicensed ?? new UnlicensedConsignmentMatcher(dataSource);
    this.screening = options.screening ?? new ScreeningService(dataSource, store);
  }

  async screen(job: RestrictedPartyMatchJob, jobId: string, now: Date): Promise<ScreeningOutcome> {
    if (!(await this.readModelsReached(job.listingPosition))) return { outcome: 'waiting' };
    if (await this.delistedSince(job)) return { outcome: 'delisted' };
    const list = await this.listOf(listIdOfListing(job));
    const names = [job.name, ...job.aliases];
    const owned = (await this.screening.companiesOwnedBy({ names })).map((company): ReachedCompany => ({ ...company, partyName: job.name }));
    const matches = merged(await this.matcher.matches(names), await this.matcher.ownedMatches(owned));
    const since = retroScreeningSince(job.listedAt);
    const outcome = await this.act(matches, list, jobId, now, (match) => ({ reason: suspensionReason(job, match, list), detail: matchDetail(job, match, list), since }));
    const unlicensed = mergedUnlicensed(await this.unlicensed.matches(names), await this.unlicensed.ownedMatches(owned));
    const flagged = await this.flagUnlicensed(unlicensed, jobId, since, (match) => unlicensedMatchDetail(job, match, list));
    return outcome.outcome === 'screened' ? { ...outcome, consignmentsFlagged: outcome.consignmentsFlagged + flagged } : outcome;
  }

  /**
   * A new ownership fact: when its owner is a listed party, or is owned 50 % or more through a chain by one (the
   * registry's walk up), the owned company and every company it owns 50 % or more through a chain (the walk down)
   * are that party, and the licences naming them are acted on by the party's list's consequence, with the whole
   * chain — from the licence's party, through the new fact, up to the listed party — as evidence.
   */
  async screenOwnership(job: OwnershipMatchJob, jobId: string, now: Date): Promise<ScreeningOutcome> {
    if (!(await this.readModelsReached(job.factPosition))) return { outcome: 'waiting' };
    if (await this.endedSince(job)) return { outcome: 'ended' };
    const parties = await this.screening.listedOwnersOf(job.owner);
    if (parties.length === 0) return { outcome: 'screened', licencesMatched: 0, licencesSuspended: 0, consignmentsFlagged: 0 };
    const below = await this.screening.companiesOwnedBy({ company: job.owned });
    const affected = [{ company: job.owned, chain: [], factIds: [] }, ...below];
    const link = { owner: job.owner.name, owned: job.owned.name, sharePercent: job.sharePercent };
    const since = retroScreeningSince(job.recordedAt);
    const totals = { licencesMatched: 0, licencesSuspended: 0, consignmentsFlagged: 0 };
    for (const match of parties) {
      const party: OwnedParty = { partyId: match.partyId, partyName: match.name, ...(await this.listOf(match.listId)) };
      const reached = affected.map((company): ReachedCompany => ({ ...company, chain: [...company.chain, link, ...match.chain], partyName: match.name }));
      const matches = await this.matcher.ownedMatches(reached);
      const outcome = await this.act(matches, party, jobId, now, (licence) => ({
        reason: ownershipSuspensionReason(job, licence, party),
        detail: ownershipMatchDetail(job, licence, party),
        since,
      }));
      const unlicensed = await this.unlicensed.ownedMatches(reached);
      totals.consignmentsFlagged += await this.flagUnlicensed(unlicensed, jobId, since, (match) => unlicensedOwnershipMatchDetail(job, match, party));
      if (outcome.outcome !== 'screened') continue;
      totals.licencesMatched += outcome.licencesMatched;
      totals.licencesSuspended += outcome.licencesSuspended;
      totals.consignmentsFlagged += outcome.consignmentsFlagged;
    }
    return { outcome: 'screened', ...totals };
  }

  /** Suspends each matched licence (unless the list only flags) and flags the consignments on it concerned since `since`. */
  private async act(
    matches: readonly LicenceMatch[],
    list: MatchedList,
    jobId: string,
    now: Date,
    texts: (match: LicenceMatch) => { readonly reason: string; readonly detail: string; readonly since: Date },
  ): Promise<ScreeningOutcome> {
    let licencesSuspended = 0;
    let consignmentsFlagged = 0;
    for (const match of matches) {
      const { reason, detail, since } = texts(match);
      const licence = suspendsLicence(list.consequence)
        ? await suspendAsSystem(this.store, { licenceId: match.licenceId, reason, actor: RESTRICTED_PARTY_MATCH_ACTOR, queue: RESTRICTED_PARTY_MATCH_QUEUE, jobId, now })
        : { suspended: false, licence: await this.licenceOf(match.licenceId) };
      if (licence.suspended) licencesSuspended++;
      for (const consignmentId of Object.keys(licence.licence.allocations)) {
        if (await this.flag(match.licenceId, consignmentId, since, detail, jobId)) consignmentsFlagged++;
      }
    }
    return { outcome: 'screened', licencesMatched: matches.length, licencesSuspended, consignmentsFlagged };
  }

  /**
   * Flags each matched consignment without a licence (its end user matched) that is concerned since `since`, through
   * the same decider as those on a licence: one that has since been given a licence, or whose declaration no longer
   * names the matched end user, is left alone. Returns how many were flagged.
   */
  private async flagUnlicensed(matches: readonly UnlicensedMatch[], jobId: string, since: Date, detail: (match: UnlicensedMatch) => string): Promise<number> {
    let flagged = 0;
    for (const match of matches) {
      const endUser = match.names[0].licenceName;
      if (await this.flag(null, match.consignmentId, since, detail(match), jobId, endUser)) flagged++;
    }
    return flagged;
  }

  private async licenceOf(licenceId: string): Promise<LicenceState> {
    return fold(suspendInForceDecider, licenceStream.domainEvents(await this.store.readStream(licenceStream.streamId(licenceId))));
  }

  /**
   * The list's name and consequence, from its own stream (the job never waits for the lists' read model); a
   * reference list is known to the code. A list that cannot be found is taken at the heaviest consequence.
   */
  private async listOf(listId: string): Promise<MatchedList> {
    const events = restrictedListStream.domainEvents(await this.store.readStream(restrictedListStream.streamId(listId)));
    const definition = fold({ evolve: evolveRestrictedList, initialState: initialRestrictedListState }, events).definition ?? referenceList(listId);
    return definition ? { listName: definition.name, consequence: definition.consequence } : { listName: `Restricted list ${listId}`, consequence: 'refuse' };
  }

  private async endedSince(job: OwnershipMatchJob): Promise<boolean> {
    const events = await this.store.readStream(ownershipStream.streamId(job.factId));
    return events.some((event) => event.type === OWNERSHIP_ENDED && event.revision > job.factRevision);
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

  private async flag(licenceId: string | null, consignmentId: string, since: Date, detail: string, jobId: string, endUser?: string): Promise<boolean> {
    const streamId = consignmentStream.streamId(consignmentId);
    const command = { consignmentId, licenceId, since, detail, ...(endUser === undefined ? {} : { endUser }) };
    const result = await handleCommand(this.store, streamId, flagListedPartyDecider, command, {
      metadata: { actor: RESTRICTED_PARTY_MATCH_ACTOR, correlationId: jobId, causationId: jobId },
      eventId: eventIdsFrom(`${RESTRICTED_PARTY_MATCH_QUEUE}:${jobId}`, streamId),
      stream: consignmentStream,
      retries: RETRIES,
    });
    return result.newEvents.length > 0;
  }
}
