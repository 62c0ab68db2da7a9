/**
 * The pure part of this context's public surface: the licence's events, stream ids, state and evolve,
 * its quantities and the deciders other contexts call. Domain code of other contexts imports it as
 * `@ree/licensing/domain`: it reaches no framework (the `domain-reaches-no-platform` rule of
 * .dependency-cruiser.js). `index.ts` re-exports it.
 */
export * from './licence/licence.events';
export { licenceIdOf, licenceStream, licenceStreamId } from './licence/licence.stream';
export { evolveLicence, initialLicenceState, LICENCE_STATUSES } from './licence/licence.state';
export type { AllocationState, EndorsementState, LicenceItemState, LicenceState, LicenceStatus } from './licence/licence.state';
export { declarationLimit, declarationsLeft, endorsementOf, endorsementsInForce, lastDayOfOneYear, licenceKindOf } from './licence/licence.kinds';
export { allocatedGrams, heldGrams, isActiveOn, isInForceOn, issuedGrams, remainingGrams, shippedGrams } from './licence/licence.quantities';
export { allocateOnLicence, allocateOnLicenceDecider } from './commands/allocate-on-licence/allocate-on-licence.decide';
export type { AllocateOnLicenceCommand } from './commands/allocate-on-licence/allocate-on-licence.command';
export { releaseOnLicence, releaseOnLicenceDecider } from './commands/release-on-licence/release-on-licence.decide';
export type { ReleaseOnLicenceCommand } from './commands/release-on-licence/release-on-licence.command';
export { shipOnLicence, shipOnLicenceDecider } from './commands/ship-on-licence/ship-on-licence.decide';
export type { ShipOnLicenceCommand } from './commands/ship-on-licence/ship-on-licence.command';
export { endorseDeclaration, endorseDeclarationDecider } from './commands/endorse-declaration/endorse-declaration.decide';
export type { EndorseDeclarationCommand } from './commands/endorse-declaration/endorse-declaration.command';
export { withdrawEndorsement, withdrawEndorsementDecider } from './commands/withdraw-endorsement/withdraw-endorsement.decide';
export type { WithdrawEndorsementCommand } from './commands/withdraw-endorsement/withdraw-endorsement.command';
export { expireLicence, expireLicenceDecider } from './commands/expire-licence/expire-licence.decide';
export type { ExpireLicenceCommand } from './commands/expire-licence/expire-licence.command';
export { expireWhenDue, expireWhenDueDecider } from './jobs/expire-when-due.decide';
export { SuspendLicenceCommand } from './commands/suspend-licence/suspend-licence.command';
export { suspendLicence, suspendLicenceDecider } from './commands/suspend-licence/suspend-licence.decide';
export { suspendInForce, suspendInForceDecider } from './commands/suspend-licence/suspend-in-force.decide';
