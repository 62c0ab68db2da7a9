import { Injectable } from '@nestjs/common';
import { PartyScreening, type PartyScreeningResult } from './party-screening';
import { ScreeningService } from './screening.service';

/**
 * The registry's `PartyScreening`: the screened name fuzzily against every list, and the ownership walk from the
 * company (name and country) up to listed owners of 50 % or more, in one REPEATABLE READ snapshot with the
 * checkpoints it read (`ScreeningService.screen`). Each match names its list and consequence, and the chain of
 * company names from the screened company up to the party; `score` is the matcher's for a direct match and 1 for
 * a match through the registry, whose links are exact.
 */
@Injectable()
export class RegistryPartyScreening extends PartyScreening {
  constructor(private readonly screening: ScreeningService) {
    super();
  }

  async screenParty(party: { readonly name: string; readonly country: string }): Promise<PartyScreeningResult> {
    const result = await this.screening.screen(party.name, { country: party.country });
    return {
      matches: result.matches.map(({ partyId, name, listId, listName, consequence, score, chain }) => ({
        partyId,
        partyName: name,
        listId,
        listName,
        consequence,
        score,
        chain: chain.map((link) => ({ ...link })),
      })),
      listPosition: result.listPosition,
      algorithm: result.algorithm,
      threshold: result.threshold,
    };
  }
}
