import { Injectable } from '@nestjs/common';

/**
 * A schedule no event causes (the anchors', every `ANCHOR_INTERVAL_MS`): its truth is the
 * configuration every worker starts with, so PostgreSQL needs no row for it; the sweep makes sure
 * Redis holds it, and so it is back within one sweep after Redis lost its data.
 */
export interface JobSchedule {
  /** The schedule's name, for the logs. */
  readonly name: string;
  /** Puts the schedule in Redis unless Redis holds it (and its next job); true when it had to. */
  ensure(): Promise<boolean>;
}

/** The schedules of this process's job processors, which register them at start; the sweep ensures each. */
@Injectable()
export class JobSchedules {
  private readonly schedules = new Map<string, JobSchedule>();

  register(schedule: JobSchedule): void {
    this.schedules.set(schedule.name, schedule);
  }

  all(): JobSchedule[] {
    return [...this.schedules.values()];
  }
}
