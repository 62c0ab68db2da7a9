import { DomainRuleViolation, nameBasedUuid, streamType } from '@ree/shared-kernel';

/**
 * An announcement number is adopted once (`announcement-number-taken`). The number has a stream of
 * its own, `control-announcement-number-{id}` with the id derived from the number, on which the
 * adoption takes it (the reservation pattern, docs/decisions.md 39 and 44): two officers adopting
 * two proposals of one number at the same moment append with the same expected revision, and the
 * second decides again on the first's event and is refused.
 */
export const ANNOUNCEMENT_NUMBER_TAKEN = 'ControlAnnouncementNumberTaken';
export const ANNOUNCEMENT_NUMBER_FREED = 'ControlAnnouncementNumberFreed';

export const ANNOUNCEMENT_NUMBER_SCHEMA_VERSIONS = {
  [ANNOUNCEMENT_NUMBER_TAKEN]: 1,
  [ANNOUNCEMENT_NUMBER_FREED]: 1,
} as const;

/** The adoption of `announcementId` took the number. */
export interface AnnouncementNumberTakenData {
  readonly number: string;
  readonly announcementId: string;
}

/** The adoption that took the number did not complete (its announcement refused it since): the number is free again. */
export interface AnnouncementNumberFreedData {
  readonly announcementId: string;
  readonly reason: string;
}

export type AnnouncementNumberEvent =
  | { readonly type: typeof ANNOUNCEMENT_NUMBER_TAKEN; readonly data: AnnouncementNumberTakenData }
  | { readonly type: typeof ANNOUNCEMENT_NUMBER_FREED; readonly data: AnnouncementNumberFreedData };

export const announcementNumberStream = streamType<AnnouncementNumberEvent>('control-announcement-number', ANNOUNCEMENT_NUMBER_SCHEMA_VERSIONS);

/** The id of a number's stream: the same for the same number in every process. */
export const announcementNumberId = (number: string): string => nameBasedUuid(`registry/control-announcement-number/${number}`);

export interface AnnouncementNumberState {
  /** The announcement whose adoption holds the number, if any. */
  readonly takenBy: string | null;
}

export const initialAnnouncementNumberState = (): AnnouncementNumberState => ({ takenBy: null });

export function evolveAnnouncementNumber(state: AnnouncementNumberState, event: AnnouncementNumberEvent): AnnouncementNumberState {
  switch (event.type) {
    case ANNOUNCEMENT_NUMBER_TAKEN:
      return { takenBy: event.data.announcementId };
    case ANNOUNCEMENT_NUMBER_FREED:
      return state.takenBy === event.data.announcementId ? { takenBy: null } : state;
    default:
      return state;
  }
}

/** The adoption of `announcementId` takes `number`: quiet when it holds it already, `announcement-number-taken` when another does. */
export const takeAnnouncementNumber =
  (number: string, announcementId: string) =>
  (state: AnnouncementNumberState): AnnouncementNumberEvent[] => {
    if (state.takenBy === announcementId) return [];
    if (state.takenBy !== null) {
      throw new DomainRuleViolation('announcement-number-taken', `${number} is already adopted (announcement ${state.takenBy})`);
    }
    return [{ type: ANNOUNCEMENT_NUMBER_TAKEN, data: { number, announcementId } }];
  };

/** Gives the number back when the adoption that took it was refused after all; nothing when it holds no longer. */
export const freeAnnouncementNumber =
  (announcementId: string, reason: string) =>
  (state: AnnouncementNumberState): AnnouncementNumberEvent[] =>
    state.takenBy === announcementId ? [{ type: ANNOUNCEMENT_NUMBER_FREED, data: { announcementId, reason } }] : [];
