import { DomainRuleViolation } from '@ree/shared-kernel';
import { LICENCE_SCREENED, LicenceScreened, LicenceScreenedData } from '../licence/licence.events';

/**
 * A command as its decider sees it: with the screening that its handler made of the licence's
 * parties just before (the I/O stays in the handler, the decision stays pure).
 */
export type Screened<Command> = Command & { readonly screening: LicenceScreenedData };

/**
 * `restricted-party-match` (docs/domain.md, "Rules"): a licence is not approved, issued or reinstated while its
 * consignee or end user matches a listed party. The screening that allowed the decision is
 * recorded with it, so that the history shows which version of the list it relied on.
 */
export function clearedScreening(licenceId: string, screening: LicenceScreenedData): LicenceScreened {
  if (screening.matches.length > 0) {
    const parties = screening.matches.map((match) => `${match.name} (${match.field}, ${match.score})`).join(', ');
    throw new DomainRuleViolation('restricted-party-match', `Licence ${licenceId} matches restricted parties: ${parties}`);
  }
  return { type: LICENCE_SCREENED, data: screening };
}
