import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { ScreeningResult, ScreeningService } from '@ree/registry';
import { fold, NotFound } from '@ree/shared-kernel';
import type { LicenceParty, LicenceScreenedData, LicenceScreeningMatch, ScreenedField } from '../licence/licence.events';
import { evolveLicence, initialLicenceState } from '../licence/licence.state';
import { licenceStream } from '../licence/licence.stream';

export interface ScreenedParties {
  readonly consignee: LicenceParty;
  readonly endUser: LicenceParty;
}

/**
 * A match with what was compared (the listed name and the licence's, each with its skeleton), the party's list and
 * its consequence, and the ownership chain when the party was reached through the registry.
 */
const matchesOf = (result: ScreeningResult, field: ScreenedField): LicenceScreeningMatch[] =>
  result.matches.map(({ partyId, name, score, matchedName, matchedSkeleton, listId, listName, consequence, chain }) => ({
    partyId,
    name,
    score,
    field,
    listedName: matchedName,
    listedSkeleton: matchedSkeleton,
    candidateName: result.name,
    candidateSkeleton: result.skeleton,
    listId,
    listName,
    consequence,
    chain: chain.map((link) => ({ ...link })),
  }));

/**
 * The I/O half of the restricted-party rule: screens a licence's consignee and end user with
 * the registry's screening (the name against every list, and the walk up the ownership registry
 * from each party, name and country) and turns the result into the decision capsule that the pure
 * deciders record (`LicenceScreened`) or refuse on.
 */
@Injectable()
export class LicenceScreening {
  constructor(
    private readonly screening: ScreeningService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async screenParties(parties: ScreenedParties, now: Date): Promise<LicenceScreenedData> {
    const [consignee, endUser] = await Promise.all([
      this.screening.screen(parties.consignee.name, { country: parties.consignee.country }),
      this.screening.screen(parties.endUser.name, { country: parties.endUser.country }),
    ]);
    return {
      matches: [...matchesOf(consignee, 'consignee'), ...matchesOf(endUser, 'endUser')],
      screenedAt: now.toISOString(),
      listPosition: this.earlierPosition(consignee.listPosition, endUser.listPosition),
      algorithm: consignee.algorithm,
      threshold: consignee.threshold,
      skeletons: { consignee: consignee.skeleton, endUser: endUser.skeleton },
    };
  }

  /** The earlier of two list positions: the screening as a whole saw at least that version of the list. */
  private earlierPosition(a: string | null, b: string | null): string | null {
    if (a === null || b === null) return null;
    return this.store.comparePositions(a, b) <= 0 ? a : b;
  }

  /** Screens the parties of an existing licence again; 404 for an unknown licence. */
  async screenLicence(licenceId: string, now: Date): Promise<LicenceScreenedData> {
    const events = licenceStream.domainEvents(await this.store.readStream(licenceStream.streamId(licenceId)));
    const state = fold({ evolve: evolveLicence, initialState: initialLicenceState }, events);
    if (!state.application) throw new NotFound('Licence', licenceId);
    return this.screenParties(state.application, now);
  }
}
