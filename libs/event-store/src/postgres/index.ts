export * from './postgres-event-store';
export * from './create-event-store-pool';
export { appendWithClient } from './append-statement';
