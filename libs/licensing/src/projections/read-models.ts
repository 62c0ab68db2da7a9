import { LicenceProjection } from './licence.projection';
import { LicenceAllocationReadModel, LicenceEndorsementReadModel, LicenceItemReadModel, LicenceReadModel } from './licence.read-model';

/** Every read-model entity of licensing (schema `licensing`, created by the migration). */
export const LICENSING_READ_MODELS = [LicenceReadModel, LicenceItemReadModel, LicenceAllocationReadModel, LicenceEndorsementReadModel] as const;

/** Licensing's projections, for the worker's projector. */
export const LICENSING_PROJECTIONS = [LicenceProjection] as const;
