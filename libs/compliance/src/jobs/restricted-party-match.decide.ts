import {
  ConsignmentEvent,
  ConsignmentState,
  evolveFlaggableConsignment,
  FlaggableConsignment,
  flagConsignment,
  initialFlaggableConsignment,
} from '@ree/consignment/domain';
import type { ListConsequence, OwnershipLink } from '@ree/registry/domain';
import type { Decider } from '@ree/shared-kernel';

/**
 * A party just listed, as its listing event tells it: the job screens the licences against these
 * names, not against the registry's read model, so that it never depends on that projection
 * having seen the listing. `listedAt` (the event's recorded time) anchors the 24 months of the
 * retro-screening, so a job run again later flags the same consignments.
 */
export interface RestrictedPartyMatchJob {
  readonly partyId: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly country: string;
  readonly listReference: string;
  readonly listedAt: string;
  /** The listing's global position: the read models the job reads must have reached it. */
  readonly listingPosition: string;
  /** The listing's revision in the party's stream: a delisting after it makes the job moot. */
  readonly listingRevision: number;
  /** The party's list; absent from jobs of listings recorded before there were lists (the Unreliable Entity List). */
  readonly listId?: string;
}

/**
 * A new ownership fact, as its event tells it: a company now known to own `sharePercent` of another. When the owner
 * is a listed party, or is owned 50 % or more through a chain by one, the owned company and every company it owns
 * 50 % or more through a chain are that party too, and the licences naming them are screened again.
 */
export interface OwnershipMatchJob {
  readonly factId: string;
  readonly owner: { readonly name: string; readonly country: string };
  readonly owned: { readonly name: string; readonly country: string };
  readonly sharePercent: number;
  /** The event's recorded time: anchors the 24 months of the retro-screening, as a listing's does. */
  readonly recordedAt: string;
  /** The fact's global position: the read models the job reads must have reached it. */
  readonly factPosition: string;
  /** Its revision in the fact's stream: an end recorded after it makes the job moot. */
  readonly factRevision: number;
}

/** What the job knows of the list of the party a licence matched: its name and consequence. */
export interface MatchedList {
  readonly listName: string;
  readonly consequence: ListConsequence;
}

/** docs/domain.md, "Red flags": consignments that shipped to a party in the 24 months before its listing are flagged too. */
export const RETRO_SCREENING_MONTHS = 24;

/** The code and severity that docs/domain.md, "Red flags", gives a match of a party listed later. */
export const RESTRICTED_PARTY_MATCH = 'RESTRICTED_PARTY_MATCH';
export const RESTRICTED_PARTY_MATCH_SEVERITY = 'critical';

/** One of a licence's parties that scored at least the threshold against one of the listed party's names. */
export interface LicenceNameMatch {
  readonly field: 'consignee' | 'endUser';
  /** The name on the licence, and its confusable skeleton. */
  readonly licenceName: string;
  readonly licenceSkeleton: string;
  /** The listed party's name or alias that scored best, and its skeleton. */
  readonly partyName: string;
  readonly partySkeleton: string;
  /** Rounded to four decimals, as the registry's screening rounds it. */
  readonly score: number;
  /**
   * For a licence party reached through the ownership registry: the majority holdings (each ≥ 50 %) from it up to
   * the listed party; absent or empty for a match on the name.
   */
  readonly chain?: readonly OwnershipLink[];
}

/** A licence whose consignee, end user or both match the listed party. */
export interface LicenceMatch {
  readonly licenceId: string;
  readonly names: readonly LicenceNameMatch[];
}

/**
 * A consignment without a licence whose end-use declaration's end user matches the listed party, by name or through
 * the ownership registry (`field` is always `endUser`; `licenceName` is the name the declaration gives).
 */
export interface UnlicensedMatch {
  readonly consignmentId: string;
  readonly names: readonly LicenceNameMatch[];
}

/** The start of the retro-screening: 24 calendar months (UTC) before the listing. */
export function retroScreeningSince(listedAt: string): Date {
  const since = new Date(listedAt);
  since.setUTCMonth(since.getUTCMonth() - RETRO_SCREENING_MONTHS);
  return since;
}

const FIELD_NAMES = { consignee: 'consignee', endUser: 'end user' } as const;

/** A chain as a reader follows it: from the licence's party up to the listed party. */
export const chainText = (chain: readonly OwnershipLink[]): string =>
  chain.map((link) => `"${link.owned}" is owned ${link.sharePercent} % by "${link.owner}"`).join(', ');

const matchedNames = (match: { readonly names: readonly LicenceNameMatch[] }): string =>
  match.names
    .map((name) =>
      name.chain && name.chain.length > 0
        ? `the ${FIELD_NAMES[name.field]} "${name.licenceName}" (skeleton "${name.licenceSkeleton}") is owned 50 % or more by "${name.partyName}" through ${chainText(name.chain)}`
        : `the ${FIELD_NAMES[name.field]} "${name.licenceName}" (skeleton "${name.licenceSkeleton}") matches "${name.partyName}" (skeleton "${name.partySkeleton}") with score ${name.score}`,
    )
    .join(' and ');

const listOf = (list: MatchedList | undefined): string => (list ? `, ${list.listName}: ${list.consequence}` : '');

const partyOf = (job: RestrictedPartyMatchJob, list?: MatchedList): string =>
  `restricted party "${job.name}" (${job.partyId}, list reference ${job.listReference}${listOf(list)})`;

/** The suspension's reason: which of the licence's parties matched which listed name, with what score, or through which chain. */
export const suspensionReason = (job: RestrictedPartyMatchJob, match: LicenceMatch, list?: MatchedList): string =>
  `Restricted party listed later: ${matchedNames(match)}; ${partyOf(job, list)}`;

/** The flag's detail, for a reviewer who reads it beside the consignment. */
export const matchDetail = (job: RestrictedPartyMatchJob, match: LicenceMatch, list?: MatchedList): string =>
  `Licence ${match.licenceId}: ${matchedNames(match)}; ${partyOf(job, list)} listed ${job.listedAt}.`;

/** The flag's detail on a consignment without a licence whose end user matches the listed party. */
export const unlicensedMatchDetail = (job: RestrictedPartyMatchJob, match: UnlicensedMatch, list?: MatchedList): string =>
  `Without a licence: ${matchedNames(match)}; ${partyOf(job, list)} listed ${job.listedAt}.`;

/** The listed party an ownership fact connected a licence to. */
export interface OwnedParty extends MatchedList {
  readonly partyId: string;
  readonly partyName: string;
}

const factOf = (job: OwnershipMatchJob): string =>
  `ownership fact ${job.factId} ("${job.owner.name}" owns ${job.sharePercent} % of "${job.owned.name}") recorded ${job.recordedAt}`;

/** The suspension's reason when a new ownership fact reaches a licence's party. */
export const ownershipSuspensionReason = (job: OwnershipMatchJob, match: LicenceMatch, party: OwnedParty): string =>
  `Ownership recorded later: ${matchedNames(match)}; restricted party "${party.partyName}" (${party.partyId}${listOf(party)}); ${factOf(job)}`;

/** The flag's detail when a new ownership fact reaches a licence's party. */
export const ownershipMatchDetail = (job: OwnershipMatchJob, match: LicenceMatch, party: OwnedParty): string =>
  `Licence ${match.licenceId}: ${matchedNames(match)}; restricted party "${party.partyName}" (${party.partyId}${listOf(party)}); ${factOf(job)}.`;

/** The flag's detail when a new ownership fact reaches the end user of a consignment without a licence. */
export const unlicensedOwnershipMatchDetail = (job: OwnershipMatchJob, match: UnlicensedMatch, party: OwnedParty): string =>
  `Without a licence: ${matchedNames(match)}; restricted party "${party.partyName}" (${party.partyId}${listOf(party)}); ${factOf(job)}.`;

/**
 * Whether a match suspends the licence: a party on a `refuse` or `licence-required` list (and a listing recorded
 * before there were lists, on the Unreliable Entity List). A `flag` list's match flags the consignments only.
 */
export const suspendsLicence = (consequence: ListConsequence): boolean => consequence !== 'flag';

/**
 * Whether a consignment the job matched is flagged: every one not yet arrived (a cancelled one never
 * left), and those that arrived since the start of the retro-screening, closed or not. On a matched
 * licence (`licenceId`), one that holds another licence now is not this licence's business. Without a
 * licence (`licenceId` null, matched by its end-use declaration's end user): one that holds a licence
 * now is screened through it, never here (so it is not flagged twice), and one whose declaration no
 * longer names the matched end user (`endUser`) is not concerned.
 */
export function concernedByListing(consignment: ConsignmentState, licenceId: string | null, since: Date, endUser?: string): boolean {
  if (consignment.status === 'cancelled') return false;
  if (licenceId === null ? consignment.licence !== null || consignment.endUseDeclaration?.endUser.name !== endUser : consignment.licence?.licenceId !== licenceId) return false;
  const arrivedAt = consignment.shipment?.arrivedAt ?? null;
  return arrivedAt === null || Date.parse(arrivedAt) >= since.getTime();
}

/** The job's question to one consignment on a matched licence, or without a licence and matched by its end user. */
export interface FlagListedPartyCommand {
  readonly consignmentId: string;
  /** The matched licence; null for a consignment without a licence, matched by its end user. */
  readonly licenceId: string | null;
  /** Without a licence: the end user's name as the read model gave it, which the declaration must still name. */
  readonly endUser?: string;
  /** The start of the retro-screening. */
  readonly since: Date;
  readonly detail: string;
}

/**
 * `RESTRICTED_PARTY_MATCH critical` on a consignment concerned by the listing, through the
 * consignment's `flagConsignment`: never twice, since that flag stays open for a reviewer, and
 * without touching any other event of the consignment.
 */
export function flagListedParty(command: FlagListedPartyCommand, state: FlaggableConsignment): ConsignmentEvent[] {
  if (!concernedByListing(state.consignment, command.licenceId, command.since, command.endUser)) return [];
  const { consignmentId, detail } = command;
  return flagConsignment({ consignmentId, code: RESTRICTED_PARTY_MATCH, severity: RESTRICTED_PARTY_MATCH_SEVERITY, detail }, state);
}

export const flagListedPartyDecider: Decider<FlagListedPartyCommand, FlaggableConsignment, ConsignmentEvent> = {
  decide: flagListedParty,
  evolve: evolveFlaggableConsignment,
  initialState: initialFlaggableConsignment,
};
