import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScreeningResult, ScreeningService } from '../../screening/screening.service';
import { ScreenNameQuery } from './screen-name.query';

@QueryHandler(ScreenNameQuery)
export class ScreenNameHandler implements IQueryHandler<ScreenNameQuery, ScreeningResult> {
  constructor(private readonly screening: ScreeningService) {}

  execute({ name, country }: ScreenNameQuery): Promise<ScreeningResult> {
    return this.screening.screen(name, { country });
  }
}
