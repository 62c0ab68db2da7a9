import { DepositType, DomainRuleViolation, QuotaCategory } from '@ree/shared-kernel';
import type { MiningSourceDeclaredData } from './consignment.events';

/** A source as the exporter declares or corrects it: the quota category may be left to the mine's deposit type. */
export type MiningSourceInput = Omit<MiningSourceDeclaredData, 'category'> & { readonly category?: QuotaCategory };

/**
 * China's quotas split by deposit type (docs/domain.md, "Reference facts"): rock-type deposits (bastnaesite, monazite)
 * draw on the `light` quota, ionic clays on the `medium-heavy` one.
 */
const CATEGORY_OF_DEPOSIT: Readonly<Record<DepositType, QuotaCategory | null>> = {
  bastnaesite: 'light',
  monazite: 'light',
  'ionic-clay': 'medium-heavy',
  other: null,
};

/**
 * The quota category a source draws on. A category the exporter gives is taken as given: the
 * quota check then decides, since only the authority's own allocation to that mine, year and
 * category can be drawn. Without one it follows the mine's deposit type; a mine of deposit type
 * `other` has no customary category, so the exporter must name it (`quota-category-required`).
 */
export function quotaCategoryFor(depositType: DepositType, given: QuotaCategory | undefined): QuotaCategory {
  const category = given ?? CATEGORY_OF_DEPOSIT[depositType];
  if (category === null) {
    throw new DomainRuleViolation('quota-category-required', 'The mine has deposit type other: name the quota category (light or medium-heavy)');
  }
  return category;
}
