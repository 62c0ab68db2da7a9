import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

/** Says when a graceful stop begins, so that an operator sees why a process left. */
@Injectable()
export class ShutdownLog implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Stopping${signal ? ` on ${signal}` : ''}: no new work is taken, work in flight finishes, then connections close`);
  }
}
