import type { LicenceEvent } from '@ree/licensing/domain';
import { evolveLicence, initialLicenceState, licenceIdOf } from '@ree/licensing/domain';
import type { RecordedEvent } from '@ree/shared-kernel';
import { evolveFlagState } from '../flags';
import type { Applied, Review } from './review';

/** The licence's own decisions after it was attached: they can stop the consignment. */
const STANDING_CHANGES = new Set(['LicenceSuspended', 'LicenceReinstated', 'LicenceRevoked', 'LicenceExpired', 'LicenceExhausted']);

/**
 * Whether a licence event enters the consignment's timeline: one about a consignment's quantity if it is this one's,
 * any other of the licence it attached, or of any licence while it has attached none. An event of a type this version
 * does not declare is judged the same way.
 */
export function licenceEventConcerns(review: Review, event: RecordedEvent): boolean {
  const attachedId = review.consignment.licence?.licenceId ?? null;
  const forConsignment = (event.data as { consignmentId?: unknown } | null)?.consignmentId;
  return forConsignment !== undefined ? forConsignment === review.document.consignmentId : attachedId === null || attachedId === licenceIdOf(event.streamId);
}

/**
 * A licence event. Every one is folded, since the licence's remaining quantity counts every
 * consignment's allocation; only those about this consignment's quantity, or about the licence
 * itself, enter the timeline (another licence's, once one is attached, do not).
 */
export function applyLicenceEvent(review: Review, event: RecordedEvent & LicenceEvent): Applied {
  const licenceId = licenceIdOf(event.streamId);
  const licence = evolveLicence(review.licences[licenceId] ?? initialLicenceState(), event);
  const attachedId = review.consignment.licence?.licenceId ?? null;
  // The red-flag rules read the attached licence only, from the attach on: what it did before
  // (or what another licence did) says nothing about this consignment's shipment.
  const flagState = attachedId === licenceId ? evolveFlagState(review.flagState, event) : review.flagState;
  const next = { ...review, licences: { ...review.licences, [licenceId]: licence }, flagState };
  const concerns = licenceEventConcerns(review, event);
  const touchesStage = attachedId === licenceId && STANDING_CHANGES.has(event.type);
  return { review: next, concerns, stage: touchesStage ? 'licence' : null };
}
