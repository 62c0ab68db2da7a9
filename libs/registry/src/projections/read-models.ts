import { MineQuotaAllocationReadModel, MineQuotaDrawReadModel, MineReadModel } from './mine.read-model';
import { ControlAnnouncementProjection } from './control-announcement.projection';
import { ControlAnnouncementReadModel } from './control-announcement.read-model';
import { MineProjection } from './mine.projection';
import { OwnershipFactReadModel, RestrictedListReadModel } from './ownership.read-model';
import { OwnershipProjection } from './ownership.projection';
import { RestrictedListProjection } from './restricted-list.projection';
import { RestrictedPartyProjection } from './restricted-party.projection';
import { RestrictedPartyNameReadModel, RestrictedPartyReadModel } from './restricted-party.read-model';

/** Every read-model entity of the registries (schema `registry`, created by the migration). */
export const REGISTRY_READ_MODELS = [
  MineReadModel,
  MineQuotaAllocationReadModel,
  MineQuotaDrawReadModel,
  RestrictedPartyReadModel,
  RestrictedPartyNameReadModel,
  ControlAnnouncementReadModel,
  RestrictedListReadModel,
  OwnershipFactReadModel,
] as const;

/** The registries' projections, for the worker's projector. */
export const REGISTRY_PROJECTIONS = [MineProjection, RestrictedPartyProjection, RestrictedListProjection, OwnershipProjection, ControlAnnouncementProjection] as const;
