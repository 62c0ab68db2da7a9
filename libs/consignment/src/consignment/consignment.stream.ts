import { streamType } from '@ree/shared-kernel';
import { CONSIGNMENT_SCHEMA_VERSIONS, type ConsignmentEvent } from './consignment.events';

/** One stream per consignment: the tracked unit, from its mining sources to its close. */
export const consignmentStream = streamType<ConsignmentEvent>('consignment', CONSIGNMENT_SCHEMA_VERSIONS);

export const consignmentStreamId = consignmentStream.streamId;

/** The consignment id of a consignment stream. */
export const consignmentIdOf = consignmentStream.entityIdOf;
