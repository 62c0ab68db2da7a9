/** A mistake in the command line: the usage is printed with it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The API refused or could not be reached: printed as it is, without a stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
