import { Logger } from '@nestjs/common';
import type { Projection } from '@ree/event-store';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import { DueJob, recordJobs } from './job-ledger';
import type { JobQueues } from './job-queues';

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
 * A reactor: a named subscription over committed events that records the jobs they call for. It
 * is a {@link Projection} run by the projector, so it has a checkpoint in `projections.checkpoints`,
 * one active instance per deployment, retries with back-off and resumes where it stopped.
 *
 * `handle` writes each job to `jobs.jobs` through the batch's transaction, due `delayMs` after
 * now: the job and the checkpoint commit together, and PostgreSQL, not Redis, holds what is due.
 * Every job's id is the id of the event that caused it, so a retried batch or a replay from zero
 * records nothing twice. The jobs just recorded are then put on their queues; when Redis refuses
 * them the batch still commits (the rows are the truth) and the worker's sweep enqueues them once
 * Redis is back (docs/decisions.md 23).
 *
 * A context's reactor is an `@Injectable()` subclass whose constructor injects `JobQueues` (and
 * the config its routes need) and passes its name, routes and queues to `super`; tests build one
 * directly.
 */
export class Reactor implements Projection {
  readonly eventTypes: readonly string[];
  private readonly logger: Logger;

  constructor(
    readonly name: string,
    private readonly routes: readonly ReactorRoute[],
    private readonly queues: JobQueues,
  ) {
    this.eventTypes = [...new Set(routes.flatMap((route) => route.eventTypes))];
    this.logger = new Logger(name);
  }

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const now = Date.now();
    const due: DueJob[] = [];
    for (const event of events) {
      for (const route of this.routes) {
        if (!route.eventTypes.includes(event.type)) continue;
        const job = route.job(event);
        if (!job) continue;
        const { name, data, delayMs } = job;
        due.push({ queue: route.queue, jobId: event.eventId, name, data, dueAt: new Date(now + (delayMs ?? 0)), position: event.position });
      }
    }
    const recorded = await recordJobs(tx, this.queues.prefix, due);
    if (recorded.length === 0) return;
    try {
      await this.queues.enqueue(recorded.map(({ queue, jobId, name, data, dueAt }) => ({ queue, jobId, name, data, delayMs: dueAt.getTime() - now })));
    } catch (error) {
      this.logger.warn(`${recorded.length} job(s) recorded but not yet on their queues (${(error as Error).message}); the sweep enqueues them`);
    }
  }

  /** Nothing to empty: a replay finds the jobs it would record already there, by their ids. */
  async reset(): Promise<void> {}
}
