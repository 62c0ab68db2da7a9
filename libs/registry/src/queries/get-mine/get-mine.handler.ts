import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { NotFound, toKilograms } from '@ree/shared-kernel';
import { Repository } from 'typeorm';
import { MineReadModel } from '../../projections/mine.read-model';
import { GetMineQuery } from './get-mine.query';
import { MineQuotaResponseDto, MineResponseDto, MineSummaryResponseDto } from './mine.response.dto';

interface QuotaRow {
  year: number;
  category: string;
  allocated_grams: string;
  drawn_grams: string;
  batches: string;
}

export function mineSummaryOf(mine: MineReadModel): MineSummaryResponseDto {
  const { mineId, name, operator, region, country, miningLicenceNo, depositType, registeredAt } = mine;
  return { mineId, name, operator, region, country, miningLicenceNo, depositType, registeredAt: registeredAt.toISOString() };
}

@QueryHandler(GetMineQuery)
export class GetMineHandler implements IQueryHandler<GetMineQuery, MineResponseDto> {
  constructor(@InjectRepository(MineReadModel) private readonly mines: Repository<MineReadModel>) {}

  async execute({ mineId }: GetMineQuery): Promise<MineResponseDto> {
    const mine = await this.mines.findOneBy({ mineId });
    if (!mine) throw new NotFound('Mine', mineId);
    return { ...mineSummaryOf(mine), quotas: await this.quotas(mineId) };
  }

  /** Draws without an allocation (which the quota rule prevents) still show, as a negative remainder. */
  private async quotas(mineId: string): Promise<MineQuotaResponseDto[]> {
    const rows: QuotaRow[] = await this.mines.query(
      `WITH allocated AS (
         SELECT year, category, sum(quota_grams) AS grams, count(*) AS batches
           FROM registry.mine_quota_allocations WHERE mine_id = $1 GROUP BY year, category),
       drawn AS (
         SELECT year, category, sum(GREATEST(drawn_grams - returned_grams, 0)) AS grams
           FROM registry.mine_quota_draws WHERE mine_id = $1 GROUP BY year, category)
       SELECT year, category, COALESCE(a.grams, 0) AS allocated_grams, COALESCE(d.grams, 0) AS drawn_grams,
              COALESCE(a.batches, 0) AS batches
         FROM allocated a FULL JOIN drawn d USING (year, category)
        ORDER BY year DESC, category`,
      [mineId],
    );
    return rows.map((row) => {
      const allocated = Number(row.allocated_grams);
      const drawn = Number(row.drawn_grams);
      return {
        year: row.year,
        category: row.category,
        allocatedKgReo: toKilograms(allocated),
        drawnKgReo: toKilograms(drawn),
        remainingKgReo: toKilograms(allocated - drawn),
        batches: Number(row.batches),
      };
    });
  }
}
