/**
 * The event store's test support (`@ree/event-store/testing`), imported by specs only: the
 * dependency rules keep production code away from it.
 */
export { appendWithClient } from './append-with-client';
