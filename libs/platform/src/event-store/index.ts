/** The event store's wiring: the adapter, its pool and the chain seal's keys. */
export * from './chain-seal-config';
export * from './event-store.provider';
