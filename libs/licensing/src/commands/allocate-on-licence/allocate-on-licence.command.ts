/**
 * The consignment context reserves part of a licence for one consignment, when the exporter
 * attaches the licence to it (the reservation pattern (docs/domain.md)).
 */
export interface AllocateOnLicenceCommand {
  readonly licenceId: string;
  readonly consignmentId: string;
  /** The consignment's organisation: another organisation's licence is not found. */
  readonly exporterOrg: string;
  readonly hsCode: string;
  readonly element: string;
  readonly destinationCountry: string;
  readonly kg: number;
  readonly now: Date;
}
