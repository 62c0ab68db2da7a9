import type { CommandContext } from '@ree/shared-kernel';

/** A licensing officer turns a proposal down, or its proposer withdraws it. */
export class RejectControlAnnouncementCommand {
  constructor(
    readonly announcementId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
