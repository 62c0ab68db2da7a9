import type { ReactorRoute } from '@ree/platform/jobs';
import { RESTRICTED_PARTY_LISTED, restrictedPartyStream } from '@ree/registry';
import type { Actor, RecordedEvent } from '@ree/shared-kernel';
import type { RestrictedPartyMatchJob } from './restricted-party-match.decide';

/** The queue of the retro-screening: one job per listing, run at once. */
export const RESTRICTED_PARTY_MATCH_QUEUE = 'review.restricted-party-match';

/** The checkpoint name of the reactor that enqueues them. */
export const RESTRICTED_PARTY_MATCH_REACTOR = 'reactor.review.restricted-party-match';

/** The job's name on the queue. */
export const SCREEN_LICENCES_JOB = 'screen-licences';

/** The worker's own actor for the suspensions and flags it appends (docs/domain.md, "Roles": `system`, never a person). */
export const RESTRICTED_PARTY_MATCH_ACTOR: Actor = { sub: RESTRICTED_PARTY_MATCH_QUEUE, role: 'system' };

/** Every listing becomes a job at once. */
export function restrictedPartyMatchRoute(): ReactorRoute {
  return {
    queue: RESTRICTED_PARTY_MATCH_QUEUE,
    eventTypes: [RESTRICTED_PARTY_LISTED],
    job: (event: RecordedEvent) => {
      if (!restrictedPartyStream.holds(event) || event.type !== RESTRICTED_PARTY_LISTED) return undefined;
      const { partyId, name, aliases, country, listReference } = event.data;
      const data: RestrictedPartyMatchJob = {
        partyId,
        name,
        aliases,
        country,
        listReference,
        listedAt: event.recordedAt,
        listingPosition: event.position,
        listingRevision: event.revision,
      };
      return { name: SCREEN_LICENCES_JOB, data: { ...data } };
    },
  };
}
