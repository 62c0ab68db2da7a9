export * from './domain';
export { LicensingModule } from './licensing.module';
export { LICENSING_PROJECTIONS, LICENSING_READ_MODELS } from './projections/read-models';
export { LICENCE_PROJECTION, LicenceProjection } from './projections/licence.projection';
export { EXPIRE_LICENCES_QUEUE, EXPIRE_LICENCES_REACTOR, EXPIRY_ACTOR, expireLicencesRoute, expiryDueAt } from './jobs/expire-licences.job';
export type { ExpireLicenceJob } from './jobs/expire-licences.job';
export { LicenceExpirer } from './jobs/licence-expirer';
export type { ExpiryOutcome } from './jobs/licence-expirer';
export { EXPIRY_PROJECTIONS, ExpireLicencesReactor, LicenceExpiryModule, processExpiryJob } from './jobs/expiry.module';
