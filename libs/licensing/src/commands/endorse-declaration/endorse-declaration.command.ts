/**
 * The consignment context endorses a customs declaration on the licence it is made under, in the
 * same command as the declaration (the reservation pattern, docs/domain.md).
 */
export interface EndorseDeclarationCommand {
  readonly licenceId: string;
  readonly consignmentId: string;
  readonly customsDeclarationNo: string;
  /** The declaration's customs office: the UN/LOCODE of the port of export. */
  readonly customsOffice: string;
  readonly kg: number;
  /** The declaration's day (YYYY-MM-DD). */
  readonly endorsedOn: string;
  readonly now: Date;
}
