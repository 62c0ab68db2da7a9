import { streamType } from '@ree/shared-kernel';
import { OWNERSHIP_SCHEMA_VERSIONS, type OwnershipEvent } from './ownership.events';

/** One stream per ownership fact: its recording and, perhaps, its end. */
export const ownershipStream = streamType<OwnershipEvent>('ownership', OWNERSHIP_SCHEMA_VERSIONS);

export const ownershipStreamId = ownershipStream.streamId;
