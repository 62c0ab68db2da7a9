import { DomainEvent } from './event';

/**
 * A pure decision model (the Decider of event-driven-io/emmett): `decide` turns a command and
 * the current state into new events, or throws a domain error; `evolve` folds one event into
 * the state. No I/O and no clock: time comes in with the command.
 */
export interface Decider<Command, State, Event extends DomainEvent> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Folds events into a state from the decider's initial state. */
export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
