/** The consignment context withdraws its declaration's endorsement: refused after all, or cancelled before release. */
export interface WithdrawEndorsementCommand {
  readonly licenceId: string;
  readonly consignmentId: string;
  readonly reason: string;
}
