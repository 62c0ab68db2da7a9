export * from './job-processor';
export * from './job-queues';
export * from './job-worker';
export * from './jobs.module';
export * from './reactor';
