/** Every announcement taken in, adopted, pending or rejected. */
export class ControlListHistoryQuery {}

/** One announcement of the history. */
export class GetControlAnnouncementQuery {
  constructor(readonly announcementId: string) {}
}
