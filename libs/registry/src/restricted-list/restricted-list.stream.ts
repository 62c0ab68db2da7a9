import { streamType } from '@ree/shared-kernel';
import { RESTRICTED_LIST_SCHEMA_VERSIONS, type RestrictedListEvent } from './restricted-list.events';

/** One stream per restricted list: its definition. */
export const restrictedListStream = streamType<RestrictedListEvent>('restricted-list', RESTRICTED_LIST_SCHEMA_VERSIONS);

export const restrictedListStreamId = restrictedListStream.streamId;
