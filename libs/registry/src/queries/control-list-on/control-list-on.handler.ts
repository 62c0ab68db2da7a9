import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ControlListOnDay } from '../../control-list/control-list.reader';
import { ControlListService } from '../../control-list/control-list.service';
import { ControlListOnQuery } from './control-list-on.query';

@QueryHandler(ControlListOnQuery)
export class ControlListOnHandler implements IQueryHandler<ControlListOnQuery, ControlListOnDay> {
  constructor(private readonly controlList: ControlListService) {}

  execute({ day }: ControlListOnQuery): Promise<ControlListOnDay> {
    return this.controlList.listOn(day);
  }
}
