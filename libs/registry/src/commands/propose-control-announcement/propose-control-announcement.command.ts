import type { CommandContext } from '@ree/shared-kernel';
import type { ControlAnnouncement } from '../../control-list/control-list.state';

/** A licensing officer transcribes a published announcement for a second officer to adopt. */
export class ProposeControlAnnouncementCommand {
  constructor(
    readonly announcementId: string,
    readonly announcement: ControlAnnouncement,
    readonly note: string | null,
    readonly citation: string | null,
    readonly context: CommandContext,
  ) {}
}
