import { streamType } from '@ree/shared-kernel';
import { LICENCE_SCHEMA_VERSIONS, type LicenceEvent } from './licence.events';

/** One stream per licence: the application, its screening, the officers' decisions and every allocation on it. */
export const licenceStream = streamType<LicenceEvent>('licence', LICENCE_SCHEMA_VERSIONS);

export const licenceStreamId = licenceStream.streamId;

/** The licence id of a licence stream: later licence events do not repeat it. */
export const licenceIdOf = licenceStream.entityIdOf;
