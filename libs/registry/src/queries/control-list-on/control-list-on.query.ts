/** The entries of the control list in force on a day. */
export class ControlListOnQuery {
  constructor(readonly day: string) {}
}

/** Today in UTC, the default day of the control-list queries. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
