import { streamType } from '@ree/shared-kernel';
import { CONTROL_ANNOUNCEMENT_SCHEMA_VERSIONS, type ControlAnnouncementEvent } from './control-announcement.events';

/** One stream per announcement taken in: its proposal, then its adoption or rejection. */
export const controlAnnouncementStream = streamType<ControlAnnouncementEvent>('control-announcement', CONTROL_ANNOUNCEMENT_SCHEMA_VERSIONS);

export const controlAnnouncementStreamId = controlAnnouncementStream.streamId;
