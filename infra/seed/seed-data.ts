import type { SeedActor } from './seed-client';

/**
 * The seed's cast and facts, after the reference facts (docs/domain.md, "Reference facts"): the mines are real deposits
 * (Bayan Obo, the Ganzhou ionic clays, Maoniuping, Weishan) with plausible quotas in kg of REO;
 * every company and person is invented.
 */
export const OFFICER_LI: SeedActor = { role: 'licensing-officer', sub: 'seed-officer-li', name: 'Li Wei' };
export const OFFICER_WANG: SeedActor = { role: 'licensing-officer', sub: 'seed-officer-wang', name: 'Wang Fang' };
export const CUSTOMS_ZHAO: SeedActor = { role: 'customs-agent', sub: 'seed-customs-zhao', name: 'Zhao Lei' };
export const BAOTOU: SeedActor = { role: 'exporter', sub: 'seed-baotou-desk', name: 'Export desk', org: 'baotou-re-export' };
export const GANZHOU: SeedActor = { role: 'exporter', sub: 'seed-ganzhou-desk', name: 'Export desk', org: 'ganzhou-heavy-re' };
export const SICHUAN: SeedActor = { role: 'exporter', sub: 'seed-sichuan-desk', name: 'Export desk', org: 'sichuan-re-trading' };

export const QUOTA_YEAR = 2026;

export const MINES = {
  bayanObo: {
    body: { name: 'Bayan Obo', operator: 'Baotou Steel Rare-Earth', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C1500002009', depositType: 'bastnaesite' },
    quotas: [{ category: 'light', quotaKgReo: 60_000_000 }, { category: 'light', quotaKgReo: 22_500_000 }],
  },
  ganzhou: {
    body: { name: 'Ganzhou ionic clays', operator: 'China Rare Earth Group', region: 'Jiangxi', country: 'CN', miningLicenceNo: 'C3600002011', depositType: 'ionic-clay' },
    quotas: [{ category: 'medium-heavy', quotaKgReo: 19_150_000 }],
  },
  maoniuping: {
    body: { name: 'Maoniuping', operator: 'China Rare Earth Group', region: 'Sichuan', country: 'CN', miningLicenceNo: 'C5100002012', depositType: 'bastnaesite' },
    quotas: [{ category: 'light', quotaKgReo: 25_000_000 }],
  },
  weishan: {
    body: { name: 'Weishan', operator: 'Weishan Rare-Earth Mining', region: 'Shandong', country: 'CN', miningLicenceNo: 'C3700002014', depositType: 'bastnaesite' },
    quotas: [{ category: 'light', quotaKgReo: 40_000 }],
  },
} as const;
export type MineKey = keyof typeof MINES;
/** The ids the API gave the seeded mines. */
export type MineIds = Record<MineKey, string>;

/** Fictional parties on the restricted list; the last is delisted after a review. */
export const RESTRICTED_PARTIES = [
  { name: 'Northbridge Defence Materials Ltd', aliases: ['Northbridge DM'], country: 'US', reason: 'Military end use', listReference: 'UEL-2026-003' },
  { name: 'Kestrel Aerospace Alloys GmbH', aliases: ['Kestrel AA'], country: 'DE', reason: 'Diversion to military aerospace', listReference: 'UEL-2026-007' },
  { name: 'Orion Strategic Metals Inc.', aliases: [], country: 'US', reason: 'Stockpiling for a foreign defence agency', listReference: 'UEL-2026-011' },
  { name: 'Société Atlantique des Aimants S.A.', aliases: ['SAA'], country: 'FR', reason: 'Re-export without consent', listReference: 'UEL-2025-042' },
] as const;

const party = (name: string, country: string, address: string) => ({ name, country, address });

export const PARTIES = {
  rheinland: party('Rheinland Magnettechnik GmbH', 'DE', 'Industriestraße 12, 63450 Hanau'),
  hokkaido: party('Hokkaido Motor Components K.K.', 'JP', '3-1 Kita-ku, Sapporo 060-0808'),
  lakeshore: party('Lakeshore Catalysts Inc.', 'US', '400 Harbor Drive, Baton Rouge, LA 70801'),
  busan: party('Busan Precision Magnets Co., Ltd.', 'KR', '55 Noksansaneop-ro, Busan 46752'),
  rotterdam: party('Rotterdam Ceramics B.V.', 'NL', 'Waalhaven 8, 3089 Rotterdam'),
  kestrelLookalike: party('Kestrel Aero-Space Alloys', 'DE', 'Flughafenstraße 1, 80331 München'),
} as const;

export const VALIDITY = { validFrom: '2026-01-01', validUntil: '2027-06-30', conditions: ['No re-export without consent of the licensing authority'] };
