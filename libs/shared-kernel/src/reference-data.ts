/**
 * The reference facts (docs/domain.md, "Reference facts"), kept in one place: every validation of elements, HS codes,
 * product forms and countries reads from here.
 */
export const RARE_EARTH_ELEMENTS = [
  'Sc', 'Y', 'La', 'Ce', 'Pr', 'Nd', 'Pm', 'Sm', 'Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu',
] as const;
export const ELEMENT_GROUPS = ['NdPr', 'mixed'] as const;
export const PRODUCT_ELEMENTS = [...RARE_EARTH_ELEMENTS, ...ELEMENT_GROUPS] as const;
export type ProductElement = (typeof PRODUCT_ELEMENTS)[number];

/** `light`: La–Eu; `medium-heavy`: Gd–Lu and Y (the split of China's mining quotas). */
export const QUOTA_CATEGORIES = ['light', 'medium-heavy'] as const;
export type QuotaCategory = (typeof QUOTA_CATEGORIES)[number];

export const HS_CODES = ['2530.90', '2612.20', '2805.30', '2846.10', '2846.90', '7202.99', '8505.11'] as const;
export type HsCode = (typeof HS_CODES)[number];

export const PRODUCT_FORMS = [
  'ore-concentrate', 'mixed-carbonate', 'mixed-oxide', 'separated-oxide', 'metal', 'alloy', 'magnet', 'other',
] as const;
export type ProductForm = (typeof PRODUCT_FORMS)[number];

/** The processes (docs/domain.md, "Reference facts"), from concentrating the ore to making magnets. */
export const PROCESSES = [
  'beneficiation', 'separation', 'smelting', 'conversion', 'alloying', 'magnet-manufacture', 'other',
] as const;
export type Process = (typeof PROCESSES)[number];

export const DEPOSIT_TYPES = ['bastnaesite', 'ionic-clay', 'monazite', 'other'] as const;
export type DepositType = (typeof DEPOSIT_TYPES)[number];

/** ISO 3166-1 alpha-2 codes, officially assigned. */
export const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODES.has(value);
}
