/** The consignment context records on the licence what a consignment's declared shipment carries. */
export interface ShipOnLicenceCommand {
  readonly licenceId: string;
  readonly consignmentId: string;
  readonly kg: number;
  readonly now: Date;
}
