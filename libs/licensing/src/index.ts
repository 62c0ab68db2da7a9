export * from './domain';
export { LicensingModule } from './licensing.module';
export { LICENSING_PROJECTIONS, LICENSING_READ_MODELS } from './projections/read-models';
export { LICENCE_PROJECTION, LicenceProjection } from './projections/licence.projection';
export { EXPIRE_LICENCES_QUEUE, EXPIRE_LICENCES_REACTOR, EXPIRY_ACTOR, expireLicencesRoute, expiryDueAt } from './expiry/expire-licences.job';
export type { ExpireLicenceJob } from './expiry/expire-licences.job';
export { LicenceExpirer } from './expiry/licence-expirer';
export type { ExpiryOutcome } from './expiry/licence-expirer';
export { EXPIRY_PROJECTIONS, ExpireLicencesReactor, LicenceExpiryModule, processExpiryJob } from './expiry/expiry.module';
