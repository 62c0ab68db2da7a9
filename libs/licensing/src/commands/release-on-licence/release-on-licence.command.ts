/**
 * The consignment context gives back what a consignment holds on a licence: on cancellation, on
 * reconciliation of an attach whose consignment event never came, or the unshipped rest after a shipment.
 */
export interface ReleaseOnLicenceCommand {
  readonly licenceId: string;
  readonly consignmentId: string;
  readonly kg: number;
  readonly reason: string;
}
