/** One stream per mine: its registration, its quota batches and every draw on them. */
export const mineStreamId = (mineId: string): string => `mine-${mineId}`;
