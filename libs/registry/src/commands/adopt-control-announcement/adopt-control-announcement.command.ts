import type { CommandContext } from '@ree/shared-kernel';

/** A second licensing officer takes a proposed announcement in: from now on it counts. */
export class AdoptControlAnnouncementCommand {
  constructor(
    readonly announcementId: string,
    readonly context: CommandContext,
  ) {}
}
