import type { ReactorRoute } from '@ree/platform/jobs';
import type { Actor, RecordedEvent } from '@ree/shared-kernel';
import { LICENCE_APPROVED, LicenceApprovedData } from '../licence/licence.events';
import { licenceIdOf } from '../licence/licence.stream';

/** The queue of the expiry: one delayed job per approval, due when the validity ends. */
export const EXPIRE_LICENCES_QUEUE = 'licensing.expire-licences';

/** The checkpoint name of the reactor that enqueues them. */
export const EXPIRE_LICENCES_REACTOR = 'reactor.licensing.expire-licences';

/** The job's name on the queue. */
export const EXPIRE_LICENCE_JOB = 'expire-licence';

/** The worker's own actor for the `LicenceExpired` it appends (docs/domain.md, "Roles": `system`, never a person). */
export const EXPIRY_ACTOR: Actor = { sub: 'licensing.expire-licences', role: 'system' };

/** One licence to expire once its validity has ended; `validUntil` is the approval's, for the logs. */
export interface ExpireLicenceJob {
  readonly licenceId: string;
  readonly validUntil: string;
}

const DAY_MS = 86_400_000;

/**
 * The instant a validity ends: the start (UTC) of the day after `validUntil`, since the last
 * valid day is valid through its last second.
 */
export const expiryDueAt = (validUntil: string): Date => new Date(Date.parse(`${validUntil}T00:00:00.000Z`) + DAY_MS);

/**
 * Every approval becomes a job due when its validity ends, delayed from `now()` when the reactor
 * handles it, and never sooner than `floorMs` from then: a validity already over (a replay, a
 * late reactor, an approval of a past period) is due after the floor, since the date check of
 * `licence-not-active` already refuses the licence meanwhile.
 */
export function expireLicencesRoute(floorMs: number, now: () => Date = () => new Date()): ReactorRoute {
  return {
    queue: EXPIRE_LICENCES_QUEUE,
    eventTypes: [LICENCE_APPROVED],
    job: (event: RecordedEvent) => {
      const { validUntil } = event.data as LicenceApprovedData;
      const data: ExpireLicenceJob = { licenceId: licenceIdOf(event.streamId), validUntil };
      const delayMs = Math.max(floorMs, expiryDueAt(validUntil).getTime() - now().getTime());
      return { name: EXPIRE_LICENCE_JOB, data: { ...data }, delayMs };
    },
  };
}
