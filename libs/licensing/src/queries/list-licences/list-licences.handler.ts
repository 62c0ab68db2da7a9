import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LicenceReadModel } from '../../projections/licence.read-model';
import { decodeCursor, pageOf } from '@ree/platform/http';
import { licenceSummaryOf, licenceTotals } from '../get-licence/get-licence.handler';
import { ownOrganisationOf } from '../readers';
import { ListLicencesQuery } from './list-licences.query';
import { LicencePageResponseDto } from './list-licences.response.dto';

@QueryHandler(ListLicencesQuery)
export class ListLicencesHandler implements IQueryHandler<ListLicencesQuery, LicencePageResponseDto> {
  constructor(@InjectRepository(LicenceReadModel) private readonly licences: Repository<LicenceReadModel>) {}

  async execute({ filter, viewer, limit, cursor }: ListLicencesQuery): Promise<LicencePageResponseDto> {
    const after = decodeCursor(cursor, ['string']);
    const query = this.licences
      .createQueryBuilder('licence')
      .orderBy('licence.appliedPosition', 'DESC')
      .limit(limit + 1);
    const own = ownOrganisationOf(viewer);
    if (own !== null) query.andWhere('licence.exporterOrg = :own', { own });
    if (filter.exporterOrg) query.andWhere('licence.exporterOrg = :exporterOrg', { exporterOrg: filter.exporterOrg });
    if (filter.status) query.andWhere('licence.status = :status', { status: filter.status });
    if (filter.destinationCountry) query.andWhere('licence.destinationCountry = :country', { country: filter.destinationCountry });
    if (after) query.andWhere('licence.appliedPosition < :position', { position: after[0] });
    const rows = await query.getMany();
    const totals = await licenceTotals(this.licences, rows.map((row) => row.licenceId));
    const page = pageOf(rows, limit, (row) => licenceSummaryOf(row, totals.get(row.licenceId)), (row) => [row.appliedPosition]);
    return { items: [...page.items], nextCursor: page.nextCursor };
  }
}
