import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MineReadModel } from '../../projections/mine.read-model';
import { decodeCursor, pageOf } from '@ree/platform/http';
import { mineSummaryOf } from '../get-mine/get-mine.handler';
import { ListMinesQuery } from './list-mines.query';
import { MinePageResponseDto } from './list-mines.response.dto';

@QueryHandler(ListMinesQuery)
export class ListMinesHandler implements IQueryHandler<ListMinesQuery, MinePageResponseDto> {
  constructor(@InjectRepository(MineReadModel) private readonly mines: Repository<MineReadModel>) {}

  async execute({ limit, cursor }: ListMinesQuery): Promise<MinePageResponseDto> {
    const after = decodeCursor(cursor, ['string', 'string']);
    const query = this.mines.createQueryBuilder('mine').orderBy('mine.name').addOrderBy('mine.mineId').limit(limit + 1);
    if (after) query.where('(mine.name, mine.mineId) > (:name, :mineId)', { name: after[0], mineId: after[1] });
    const page = pageOf(await query.getMany(), limit, mineSummaryOf, (mine) => [mine.name, mine.mineId]);
    return { items: [...page.items], nextCursor: page.nextCursor };
  }
}
