import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { NotFound, toGrams, toKilograms } from '@ree/shared-kernel';
import { declarationLimit } from '../../licence/licence.kinds';
import { Repository } from 'typeorm';
import { LicenceAllocationReadModel, LicenceEndorsementReadModel, LicenceItemReadModel, LicenceReadModel } from '../../projections/licence.read-model';
import { LICENCE_TOTALS_SQL, QuantityRow, quantitiesOf } from '../licence-quantities';
import { ownOrganisationOf } from '../readers';
import { GetLicenceQuery } from './get-licence.query';
import {
  LicenceConsignmentResponseDto,
  LicenceEndorsementResponseDto,
  LicenceItemResponseDto,
  LicenceResponseDto,
  LicenceSummaryResponseDto,
} from './licence.response.dto';

const kg = (grams: string | null): number => toKilograms(Number(grams ?? 0));

export function licenceSummaryOf(licence: LicenceReadModel, totals: QuantityRow | undefined): LicenceSummaryResponseDto {
  const { licenceId, exporterOrg, status, destinationCountry, consignee, endUser, validFrom, validUntil, appliedAt, kind } = licence;
  return {
    licenceId,
    exporterOrg,
    status,
    destinationCountry,
    consignee,
    endUser,
    validFrom,
    validUntil,
    appliedAt: appliedAt.toISOString(),
    kind,
    ...quantitiesOf(totals ?? { issued_grams: null, allocated_grams: null, shipped_grams: null }),
  };
}

/** Sums licence totals for the given licences, keyed by licence id. */
export async function licenceTotals(licences: Repository<LicenceReadModel>, licenceIds: string[]): Promise<Map<string, QuantityRow>> {
  const rows: Array<QuantityRow & { licence_id: string }> = await licences.query(LICENCE_TOTALS_SQL, [licenceIds]);
  return new Map(rows.map((row) => [row.licence_id, row]));
}

function itemOf(item: LicenceItemReadModel, allocations: readonly LicenceAllocationReadModel[]): LicenceItemResponseDto {
  const own = allocations.filter((allocation) => allocation.itemIndex === item.itemIndex);
  const sum = (grams: (allocation: LicenceAllocationReadModel) => number) => String(own.reduce((total, a) => total + grams(a), 0));
  return {
    index: item.itemIndex,
    product: item.product,
    hsCode: item.hsCode,
    element: item.element,
    requestedKg: kg(item.requestedGrams),
    ...quantitiesOf({
      issued_grams: item.issuedGrams,
      allocated_grams: sum((a) => Number(a.allocatedGrams) - Number(a.releasedGrams)),
      shipped_grams: sum((a) => Number(a.shippedGrams)),
    }),
  };
}

function consignmentOf(allocation: LicenceAllocationReadModel): LicenceConsignmentResponseDto {
  const allocated = Number(allocation.allocatedGrams);
  const released = Number(allocation.releasedGrams);
  const shipped = Number(allocation.shippedGrams);
  return {
    consignmentId: allocation.consignmentId,
    itemIndex: allocation.itemIndex,
    allocatedKg: toKilograms(allocated),
    releasedKg: toKilograms(released),
    shippedKg: toKilograms(shipped),
    heldKg: toKilograms(allocated - released - shipped),
    allocatedAt: allocation.allocatedAt.toISOString(),
  };
}

function endorsementOf(endorsement: LicenceEndorsementReadModel): LicenceEndorsementResponseDto {
  const { number, consignmentId, customsDeclarationNo, customsOffice, endorsedOn, withdrawnReason } = endorsement;
  return { number, consignmentId, customsDeclarationNo, customsOffice, kg: kg(endorsement.grams), endorsedOn, withdrawnReason };
}

/** The endorsements as shown, what those in force deduct, and how many declarations the kind still allows. */
function endorsementsOf(licence: LicenceReadModel, rows: readonly LicenceEndorsementReadModel[]) {
  const endorsements = rows.map(endorsementOf);
  const inForce = endorsements.filter((endorsement) => endorsement.withdrawnReason === null);
  const limit = declarationLimit(licence.kind);
  return {
    endorsements,
    endorsedKg: toKilograms(inForce.reduce((total, endorsement) => total + toGrams(endorsement.kg), 0)),
    declarationsLeft: limit === null ? null : Math.max(0, limit - inForce.length),
  };
}

/** Another organisation's licence answers 404 to an exporter, as if it did not exist. */
@QueryHandler(GetLicenceQuery)
export class GetLicenceHandler implements IQueryHandler<GetLicenceQuery, LicenceResponseDto> {
  constructor(
    @InjectRepository(LicenceReadModel) private readonly licences: Repository<LicenceReadModel>,
    @InjectRepository(LicenceItemReadModel) private readonly items: Repository<LicenceItemReadModel>,
    @InjectRepository(LicenceAllocationReadModel) private readonly allocations: Repository<LicenceAllocationReadModel>,
    @InjectRepository(LicenceEndorsementReadModel) private readonly endorsements: Repository<LicenceEndorsementReadModel>,
  ) {}

  async execute({ licenceId, viewer }: GetLicenceQuery): Promise<LicenceResponseDto> {
    const licence = await this.licences.findOneBy({ licenceId });
    const own = ownOrganisationOf(viewer);
    if (!licence || (own !== null && licence.exporterOrg !== own)) throw new NotFound('Licence', licenceId);
    const [items, allocations, endorsements, totals] = await Promise.all([
      this.items.find({ where: { licenceId }, order: { itemIndex: 'ASC' } }),
      this.allocations.find({ where: { licenceId }, order: { allocatedAt: 'ASC', consignmentId: 'ASC' } }),
      this.endorsements.find({ where: { licenceId }, order: { number: 'ASC' } }),
      licenceTotals(this.licences, [licenceId]),
    ]);
    const { statusReason, intendedEndUse, conditions, approvedBy, countersignedBy, suspendedBy, screening, revision, customsOffice, eligibility } = licence;
    return {
      ...licenceSummaryOf(licence, totals.get(licenceId)),
      statusReason,
      intendedEndUse,
      conditions,
      approvedBy,
      countersignedBy,
      suspendedBy,
      items: items.map((item) => itemOf(item, allocations)),
      screening: screening ? { clear: screening.matches.length === 0, ...screening, matches: screening.matches.map(({ chain, ...match }) => ({ ...match, ...(chain ? { chain: [...chain] } : {}) })) } : null,
      consignments: allocations.map(consignmentOf),
      customsOffice,
      eligibility,
      ...endorsementsOf(licence, endorsements),
      revision,
    };
  }
}
