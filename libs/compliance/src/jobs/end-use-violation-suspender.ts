import { EventStore } from '@ree/event-store';
import { consignmentStream, evolveConsignment, initialConsignmentState } from '@ree/consignment';
import { fold } from '@ree/shared-kernel';
import { END_USE_VIOLATION_ACTOR, END_USE_VIOLATION_QUEUE, endUseViolationReason, EndUseViolationJob } from './end-use-violation.job';
import { suspendAsSystem } from './system-suspension';

/** `suspended`: appended now; `left`: the licence was not in force, or this check already suspended it. */
export type EndUseViolationOutcome = 'suspended' | 'left';

/**
 * Runs one end-use-violation job on the event store port: finds the consignment's licence on its
 * stream and suspends it as the system when it is in force. The flag itself is the review fold's
 * (`END_USE_VIOLATION`, from the check event): this job appends only the licence's suspension.
 */
export class EndUseViolationSuspender {
  constructor(private readonly store: EventStore) {}

  async run(job: EndUseViolationJob, jobId: string, now: Date): Promise<EndUseViolationOutcome> {
    const events = consignmentStream.domainEvents(await this.store.readStream(consignmentStream.streamId(job.consignmentId)));
    const consignment = fold({ evolve: evolveConsignment, initialState: initialConsignmentState }, events);
    const licenceId = consignment.licence?.licenceId;
    if (!licenceId) return 'left';
    const { suspended } = await suspendAsSystem(this.store, {
      licenceId,
      reason: endUseViolationReason(job),
      actor: END_USE_VIOLATION_ACTOR,
      queue: END_USE_VIOLATION_QUEUE,
      jobId,
      now,
    });
    return suspended ? 'suspended' : 'left';
  }
}
