import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobLedger } from './job-ledger';
import { JobQueues } from './job-queues';
import { JobSchedules } from './job-schedules';
import { JobSweep, SweepReport } from './job-sweep';

/**
 * The worker's sweep ({@link JobSweep}): once at start, then every `JOB_SWEEP_INTERVAL_MS`
 * (default 60 s), never two at once in one process. A sweep that fails (Redis or PostgreSQL down)
 * is logged and tried again at the next interval; one that put anything back says so.
 */
@Injectable()
export class JobSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobSweeper.name);
  private readonly sweep: JobSweep;
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepReport | undefined>;
  private stopped = false;

  constructor(
    ledger: JobLedger,
    queues: JobQueues,
    schedules: JobSchedules,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sweep = new JobSweep(ledger, queues, () => schedules.all());
  }

  onApplicationBootstrap(): void {
    void this.sweepNow();
    this.timer = setInterval(() => void this.sweepNow(), this.config.jobs.sweepIntervalMs);
  }

  /** Runs a sweep unless one is running (then answers that one); `undefined` when it failed. */
  sweepNow(): Promise<SweepReport | undefined> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops sweeping; a sweep under way is not waited for (it may be waiting for Redis), and cut short it is harmless. */
  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private async sweepOnce(): Promise<SweepReport | undefined> {
    try {
      const report = await this.sweep.sweep();
      const { unfinished, enqueued, settled, schedulesRestored } = report;
      if (enqueued > 0 || settled > 0 || schedulesRestored.length > 0) {
        const restored = schedulesRestored.length > 0 ? `, schedule(s) ${schedulesRestored.join(', ')} restored` : '';
        this.logger.warn(`Job sweep: ${enqueued} of ${unfinished} unfinished job(s) were not in Redis and are queued again, ${settled} recorded from Redis${restored}`);
      }
      return report;
    } catch (error) {
      if (this.stopped) return undefined;
      this.logger.error(`Job sweep failed (tried again in ${this.config.jobs.sweepIntervalMs} ms): ${(error as Error).message}`);
      return undefined;
    }
  }
}

/** The worker's sweep. Needs `APP_CONFIG` (PlatformModule) and the JobsModule. */
@Module({ providers: [JobSweeper], exports: [JobSweeper] })
export class JobSweepModule {}
