import { type Actor, DomainRuleViolation, NotFound, toGrams } from '@ree/shared-kernel';
import type { ConsignmentRegisteredData } from './consignment.events';
import type { ConsignmentState } from './consignment.state';
import { hasReached, isFinished } from './consignment.status';

export const invalidTransition = (detail: string): DomainRuleViolation => new DomainRuleViolation('invalid-transition', detail);

/**
 * The registration of a consignment the actor may act on. Another organisation's consignment
 * answers exactly like one that does not exist (404, never 403), so that an exporter cannot
 * probe which consignment ids its competitors hold.
 */
export function visibleRegistration(state: ConsignmentState, consignmentId: string, actor: Actor): ConsignmentRegisteredData {
  const registration = state.registration;
  if (!registration) throw new NotFound('Consignment', consignmentId);
  if (actor.role === 'exporter' && registration.exporterOrg !== actor.org) throw new NotFound('Consignment', consignmentId);
  return registration;
}

/** Anything after close or cancel is `invalid-transition`. */
export function assertOpen(state: ConsignmentState, consignmentId: string): void {
  if (state.status && isFinished(state.status)) {
    throw invalidTransition(`Consignment ${consignmentId} is ${state.status}: it accepts nothing more`);
  }
}

/**
 * Provenance (mining sources, processing steps and their corrections) may be declared and
 * corrected only until customs has the shipment declaration: what customs checks must not change
 * underneath it.
 */
export function assertProvenanceOpen(state: ConsignmentState, consignmentId: string): void {
  assertOpen(state, consignmentId);
  if (state.status && hasReached(state.status, 'shipment-declared')) {
    throw invalidTransition(`The shipment of consignment ${consignmentId} is declared: its provenance can no longer change`);
  }
}

/**
 * `mass-balance-violation`: a step may not put out more REO than went in, beyond a 0.5 %
 * tolerance for assay and weighing error. In integer grams: output × 200 ≤ input × 201.
 */
export function assertMassBalance(inputKgReo: number, outputKgReo: number): void {
  if (toGrams(outputKgReo) * 200 > toGrams(inputKgReo) * 201) {
    throw new DomainRuleViolation(
      'mass-balance-violation',
      `Output ${outputKgReo} kg REO exceeds input ${inputKgReo} kg REO by more than 0.5 %`,
    );
  }
}
