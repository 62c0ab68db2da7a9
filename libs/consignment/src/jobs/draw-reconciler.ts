import { EventStore, handleCommand, HandleCommandOptions } from '@ree/event-store';
import { licenceStream, licenceStreamId } from '@ree/licensing';
import { mineStream, mineStreamId } from '@ree/registry';
import { Actor, type DomainEvent, eventIdsFrom, type StreamType } from '@ree/shared-kernel';
import type { ConsignmentState } from '../consignment/consignment.state';
import { readConsignment } from '../commands/read-consignment';
import {
  type LicenceAllocationJob,
  licenceAllocationReconciliation,
  type MiningQuotaDrawJob,
  miningQuotaReconciliation,
} from './reconcile-draw.decide';
import type { ReconcileDrawJob } from './reconcile-draws.job';

/** The worker's own actor for the returns it appends (docs/domain.md, "Roles": `system`, never a person). */
export const RECONCILIATION_ACTOR: Actor = { sub: 'consignment.reconcile-draws', role: 'system' };

/** Many API instances draw on a popular mine: a lost race is decided again, up to this many times. */
const RETRIES = 32;

export type ReconcileOutcome = 'returned' | 'kept';

/**
 * Runs one reconciliation job on the event store port: reads the consignment, and when the draw
 * is orphaned returns it on the mine's (or licence's) stream with that stream's expected
 * revision. The event ids derive from the job id (the draw's event id), so a job run twice, or
 * enqueued again by a replay, appends its return once.
 */
export class DrawReconciler {
  constructor(private readonly store: EventStore) {}

  async reconcile(job: ReconcileDrawJob, jobId: string): Promise<ReconcileOutcome> {
    const state = await readConsignment(this.store, job.consignmentId);
    const appended = job.kind === 'mining-quota' ? await this.onMine(job, state, jobId) : await this.onLicence(job, state, jobId);
    return appended > 0 ? 'returned' : 'kept';
  }

  private async onMine(job: MiningQuotaDrawJob, consignment: ConsignmentState, jobId: string): Promise<number> {
    const streamId = mineStreamId(job.mineId);
    const decider = miningQuotaReconciliation(consignment);
    const result = await handleCommand(this.store, streamId, decider, job, this.options(streamId, jobId, mineStream));
    return result.newEvents.length;
  }

  private async onLicence(job: LicenceAllocationJob, consignment: ConsignmentState, jobId: string): Promise<number> {
    const streamId = licenceStreamId(job.licenceId);
    const decider = licenceAllocationReconciliation(consignment);
    const result = await handleCommand(this.store, streamId, decider, job, this.options(streamId, jobId, licenceStream));
    return result.newEvents.length;
  }

  private options<Event extends DomainEvent>(streamId: string, jobId: string, stream: StreamType<Event>): HandleCommandOptions<Event> {
    return {
      metadata: { actor: RECONCILIATION_ACTOR, correlationId: jobId, causationId: jobId },
      eventId: eventIdsFrom(`reconcile-draws:${jobId}`, streamId),
      stream,
      retries: RETRIES,
    };
  }
}
