/** One stream per licence: the application, its screening, the officers' decisions and every allocation on it. */
export const licenceStreamId = (licenceId: string): string => `licence-${licenceId}`;

/** The licence id of a licence stream: later licence events do not repeat it. */
export const licenceIdOf = (streamId: string): string => streamId.slice('licence-'.length);
