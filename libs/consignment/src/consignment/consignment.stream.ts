/** One stream per consignment: the tracked unit, from its mining sources to its close. */
export const consignmentStreamId = (consignmentId: string): string => `consignment-${consignmentId}`;

/** The consignment id of a consignment stream. */
export const consignmentIdOf = (streamId: string): string => streamId.slice('consignment-'.length);
