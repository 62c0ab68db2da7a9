import { streamType } from '@ree/shared-kernel';
import { MINE_SCHEMA_VERSIONS, type MineEvent } from './mine.events';

/** One stream per mine: its registration, its quota batches and every draw on them. */
export const mineStream = streamType<MineEvent>('mine', MINE_SCHEMA_VERSIONS);

export const mineStreamId = mineStream.streamId;

/** The mine id of a mine stream: a mine event's data does not repeat it after the registration. */
export const mineIdOf = mineStream.entityIdOf;
