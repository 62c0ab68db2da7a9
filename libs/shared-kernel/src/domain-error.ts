/**
 * A command broke one of the rules (docs/domain.md, "Rules"): answered 422 with `code`, nothing written.
 * Deciders throw it; they never catch it.
 */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The aggregate a command or query names does not exist (or belongs to another organisation): 404. */
export class NotFound extends Error {
  override readonly name = 'NotFound';

  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} was not found`);
  }
}
