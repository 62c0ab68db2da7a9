import { DomainRuleViolation } from '@ree/shared-kernel';
import { LICENCE_SCREENED, LicenceScreened, LicenceScreenedData, LicenceScreeningMatch } from '../licence/licence.events';

/**
 * A command as its decider sees it: with the screening that its handler made of the licence's
 * parties just before (the I/O stays in the handler, the decision stays pure).
 */
export type Screened<Command> = Command & { readonly screening: LicenceScreenedData };

/**
 * Whether a match stops a licence: a party on a list whose consequence is `refuse` or `licence-required` (the
 * Watch List's case review is this very licence decision, and No. 61 of 2025 refuses such parties in principle;
 * docs/decisions.md 45). A match recorded before lists had consequences was on the Unreliable Entity List: `refuse`.
 * A `flag` list's match is recorded and shown, and stops nothing.
 */
export const blocksLicence = (match: LicenceScreeningMatch): boolean => (match.consequence ?? 'refuse') !== 'flag';

const described = (match: LicenceScreeningMatch): string => {
  const list = match.listName ? `, ${match.listName}: ${match.consequence}` : '';
  const chain = match.chain && match.chain.length > 0 ? `, owned through ${match.chain.map((link) => `${link.owner} ${link.sharePercent} %`).join(' → ')}` : '';
  return `${match.name} (${match.field}, ${match.score}${list}${chain})`;
};

/**
 * `restricted-party-match` (docs/domain.md, "Rules"): a licence is not approved, issued or reinstated while its
 * consignee or end user matches a party on a `refuse` or `licence-required` list, by name or as a company owned
 * 50 % or more through a chain. The screening that allowed the decision is recorded with it (with any `flag`
 * matches), so that the history shows which version of the lists and the ownership registry it relied on.
 */
export function clearedScreening(licenceId: string, screening: LicenceScreenedData): LicenceScreened {
  const blocking = screening.matches.filter(blocksLicence);
  if (blocking.length > 0) {
    throw new DomainRuleViolation('restricted-party-match', `Licence ${licenceId} matches restricted parties: ${blocking.map(described).join(', ')}`);
  }
  return { type: LICENCE_SCREENED, data: screening };
}
