/** One stream per mine: its registration, its quota batches and every draw on them. */
export const mineStreamId = (mineId: string): string => `mine-${mineId}`;

/** The mine id of a mine stream: a mine event's data does not repeat it after the registration. */
export const mineIdOf = (streamId: string): string => streamId.slice('mine-'.length);
