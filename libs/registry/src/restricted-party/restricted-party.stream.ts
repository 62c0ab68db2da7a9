/** One stream per restricted party: its listing and, perhaps, its delisting. */
export const restrictedPartyStreamId = (partyId: string): string => `restricted-party-${partyId}`;

export const partyIdOf = (streamId: string): string => streamId.slice('restricted-party-'.length);
