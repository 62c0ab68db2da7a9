import type { ReactorRoute } from '@ree/platform/jobs';
import { MAJORITY_SHARE_PERCENT, OWNERSHIP_RECORDED, ownershipStream, RESTRICTED_PARTY_LISTED, restrictedPartyStream } from '@ree/registry';
import type { Actor, RecordedEvent } from '@ree/shared-kernel';
import type { OwnershipMatchJob, RestrictedPartyMatchJob } from './restricted-party-match.decide';

/** The queue of the retro-screening: one job per listing, and one per ownership fact of 50 % or more, run at once. */
export const RESTRICTED_PARTY_MATCH_QUEUE = 'review.restricted-party-match';

/** The checkpoint name of the reactor that enqueues them. */
export const RESTRICTED_PARTY_MATCH_REACTOR = 'reactor.review.restricted-party-match';

/** The job's name on the queue. */
export const SCREEN_LICENCES_JOB = 'screen-licences';

/** The name of the job a new ownership fact makes, on the same queue. */
export const SCREEN_OWNERSHIP_JOB = 'screen-ownership';

/** The worker's own actor for the suspensions and flags it appends (docs/domain.md, "Roles": `system`, never a person). */
export const RESTRICTED_PARTY_MATCH_ACTOR: Actor = { sub: RESTRICTED_PARTY_MATCH_QUEUE, role: 'system' };

/** Every listing becomes a job at once. */
export function restrictedPartyMatchRoute(): ReactorRoute {
  return {
    queue: RESTRICTED_PARTY_MATCH_QUEUE,
    eventTypes: [RESTRICTED_PARTY_LISTED],
    job: (event: RecordedEvent) => {
      if (!restrictedPartyStream.holds(event) || event.type !== RESTRICTED_PARTY_LISTED) return undefined;
      const { partyId, name, aliases, country, listReference, listId } = event.data;
      const data: RestrictedPartyMatchJob = {
        partyId,
        name,
        aliases,
        country,
        listReference,
        listedAt: event.recordedAt,
        listingPosition: event.position,
        listingRevision: event.revision,
        ...(listId === undefined ? {} : { listId }),
      };
      return { name: SCREEN_LICENCES_JOB, data: { ...data } };
    },
  };
}

/** Every ownership fact of 50 % or more becomes a job at once (a smaller share makes no one anyone else). */
export function ownershipMatchRoute(): ReactorRoute {
  return {
    queue: RESTRICTED_PARTY_MATCH_QUEUE,
    eventTypes: [OWNERSHIP_RECORDED],
    job: (event: RecordedEvent) => {
      if (!ownershipStream.holds(event) || event.type !== OWNERSHIP_RECORDED) return undefined;
      const { factId, owner, owned, sharePercent } = event.data;
      if (sharePercent < MAJORITY_SHARE_PERCENT) return undefined;
      const data: OwnershipMatchJob = {
        factId,
        owner: { name: owner.name, country: owner.country },
        owned: { name: owned.name, country: owned.country },
        sharePercent,
        recordedAt: event.recordedAt,
        factPosition: event.position,
        factRevision: event.revision,
      };
      return { name: SCREEN_OWNERSHIP_JOB, data: { ...data } };
    },
  };
}
