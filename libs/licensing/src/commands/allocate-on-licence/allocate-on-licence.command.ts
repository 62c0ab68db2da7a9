/**
 * The consignment context reserves part of a licence for one consignment, when the exporter
 * attaches the licence to it (docs/domain.md, "The reservation pattern").
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
