/** The system's daily job ends licences whose validity has passed (scheduled by a later issue). */
export interface ExpireLicenceCommand {
  readonly licenceId: string;
  readonly now: Date;
}
