import type { EntryInForce } from './control-list.state';

/** The list in force on a day, and the position of the control-list projection it was read at. */
export interface ControlListOnDay {
  readonly day: string;
  readonly entries: readonly EntryInForce[];
  /** The control-list projection's checkpoint: the version of the announcements that was folded. */
  readonly listPosition: string | null;
}

/**
 * The port through which other contexts read the control list (the consignment's classification at
 * registration and shipment declaration). The registry provides it from its read model of the
 * adopted announcements.
 */
export abstract class ControlListReader {
  abstract listOn(day: string): Promise<ControlListOnDay>;
}
