import type { Actor } from '@ree/shared-kernel';

export interface LicenceFilter {
  readonly status?: string;
  readonly exporterOrg?: string;
  readonly destinationCountry?: string;
}

/** Licences, newest application first, one page at a time; an exporter sees its own only. */
export class ListLicencesQuery {
  constructor(
    readonly filter: LicenceFilter,
    readonly viewer: Actor,
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}
