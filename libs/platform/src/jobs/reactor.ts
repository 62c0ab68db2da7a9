import type { Projection, RecordedEvent } from '@ree/event-store';
import type { JobQueues, JobRequest } from './job-queues';

/** Which events a reactor turns into which jobs. */
export interface ReactorRoute {
  /** `<context>.<purpose>`. */
  readonly queue: string;
  /** The event types that call for a job. */
  readonly eventTypes: readonly string[];
  /** The job's name and data for one event of those types; `undefined` when this event calls for none. */
  job(event: RecordedEvent): { readonly name: string; readonly data: Record<string, unknown>; readonly delayMs?: number } | undefined;
}

/**
 * A reactor: a named subscription over committed events that enqueues jobs. It is a
 * {@link Projection} run by the projector, so it has a checkpoint in `projections.checkpoints`,
 * one active instance per deployment, retries with back-off and resumes where it stopped.
 *
 * `handle` resolves only once Redis has accepted every job of the batch; when Redis is down it
 * throws, the batch's transaction rolls back with its checkpoint, and the projector retries the
 * same events later. Every job's id is the id of the event that caused it, so a retried batch or
 * a replay from zero enqueues nothing twice.
 *
 * A context's reactor is an `@Injectable()` subclass whose constructor injects `JobQueues` (and
 * the config its routes need) and passes its name, routes and queues to `super`; tests build one
 * directly.
 */
export class Reactor implements Projection {
  readonly eventTypes: readonly string[];

  constructor(
    readonly name: string,
    private readonly routes: readonly ReactorRoute[],
    private readonly queues: JobQueues,
  ) {
    this.eventTypes = [...new Set(routes.flatMap((route) => route.eventTypes))];
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    const requests: JobRequest[] = [];
    for (const event of events) {
      for (const route of this.routes) {
        if (!route.eventTypes.includes(event.type)) continue;
        const job = route.job(event);
        if (job) requests.push({ queue: route.queue, jobId: event.eventId, ...job });
      }
    }
    if (requests.length > 0) await this.queues.enqueue(requests);
  }

  /** Nothing to empty: a replay finds the jobs it would enqueue again already there, by their ids. */
  async reset(): Promise<void> {}
}
