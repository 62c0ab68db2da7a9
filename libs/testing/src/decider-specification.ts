import { Decider, DomainEvent, DomainRuleViolation, fold, NotFound } from '@ree/shared-kernel';

/**
 * Given/when/then for pure deciders, so that a spec reads like the rulebook:
 *
 * ```ts
 * spec(registerMineDecider).given([]).when(command).then([{ type: 'MineRegistered', data }]);
 * spec(delistDecider).given([listed, delisted]).when(command).thenRefused('invalid-transition');
 * ```
 */
export function spec<Command, State, Event extends DomainEvent>(decider: Decider<Command, State, Event>) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command) {
          return new Outcome(decider, events, command);
        },
      };
    },
  };
}

class Outcome<Command, State, Event extends DomainEvent> {
  constructor(
    private readonly decider: Decider<Command, State, Event>,
    private readonly history: readonly Event[],
    private readonly command: Command,
  ) {}

  /** The decider appends exactly these events, and they fold into a state without error. */
  then(expected: readonly Event[]): void {
    const decided = this.decide();
    expect(decided).toEqual(expected);
    fold(this.decider, [...this.history, ...decided]);
  }

  /** The command is accepted and changes nothing: an idempotent repeat. */
  thenNothing(): void {
    expect(this.decide()).toEqual([]);
  }

  /** The command breaks a rule: a `DomainRuleViolation` with its code (docs/domain.md, "Rules"; HTTP 422). */
  thenRefused(code: string): void {
    const error = this.failure();
    expect(error).toBeInstanceOf(DomainRuleViolation);
    expect((error as DomainRuleViolation).code).toBe(code);
  }

  /** The command names an aggregate that does not exist (HTTP 404). */
  thenNotFound(): void {
    expect(this.failure()).toBeInstanceOf(NotFound);
  }

  private decide(): Event[] {
    return this.decider.decide(this.command, fold(this.decider, this.history));
  }

  private failure(): unknown {
    try {
      const decided = this.decide();
      return new Error(`expected a refusal, but the decider appended ${JSON.stringify(decided)}`);
    } catch (error) {
      return error;
    }
  }
}
