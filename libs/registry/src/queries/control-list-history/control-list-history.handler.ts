import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type ControlAnnouncementRecord, ControlListService } from '../../control-list/control-list.service';
import { ControlListHistoryQuery, GetControlAnnouncementQuery } from './control-list-history.query';

export interface ControlListHistory {
  readonly announcements: ControlAnnouncementRecord[];
  readonly listPosition: string | null;
}

@QueryHandler(ControlListHistoryQuery)
export class ControlListHistoryHandler implements IQueryHandler<ControlListHistoryQuery, ControlListHistory> {
  constructor(private readonly controlList: ControlListService) {}

  execute(): Promise<ControlListHistory> {
    return this.controlList.history();
  }
}

@QueryHandler(GetControlAnnouncementQuery)
export class GetControlAnnouncementHandler implements IQueryHandler<GetControlAnnouncementQuery, ControlAnnouncementRecord> {
  constructor(private readonly controlList: ControlListService) {}

  async execute({ announcementId }: GetControlAnnouncementQuery): Promise<ControlAnnouncementRecord> {
    const { announcements } = await this.controlList.history();
    const found = announcements.find((announcement) => announcement.announcementId === announcementId);
    if (!found) throw new NotFoundException(`Control announcement ${announcementId} not found`);
    return found;
  }
}
