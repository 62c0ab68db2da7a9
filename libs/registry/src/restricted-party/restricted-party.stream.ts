import { streamType } from '@ree/shared-kernel';
import { RESTRICTED_PARTY_SCHEMA_VERSIONS, type RestrictedPartyEvent } from './restricted-party.events';

/** One stream per restricted party: its listing and, perhaps, its delisting. */
export const restrictedPartyStream = streamType<RestrictedPartyEvent>('restricted-party', RESTRICTED_PARTY_SCHEMA_VERSIONS);

export const restrictedPartyStreamId = restrictedPartyStream.streamId;

export const partyIdOf = restrictedPartyStream.entityIdOf;
