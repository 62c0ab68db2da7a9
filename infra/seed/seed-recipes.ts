import type { SeedActor } from './seed-client';
import { BAOTOU, GANZHOU, MineKey, PARTIES, SICHUAN } from './seed-data';

/** How far a seeded consignment goes along the lifecycle (docs/domain.md, "Lifecycle of a consignment") (corrected and cancelled branch off after processing). */
export const STAGES = [
  'registered', 'sourced', 'processed', 'licensed', 'end-use', 'declared', 'inspected', 'held', 'released', 'departed', 'arrived', 'checked', 'closed',
] as const;
export type Stage = (typeof STAGES)[number] | 'corrected' | 'cancelled';
export type LicenceKey = 'ndpr' | 'dy' | 'ce';

export interface Recipe {
  readonly key: string;
  readonly exporter: SeedActor;
  readonly body: { product: string; productForm: string; element: string; hsCode: string; quantityKg: number; reoEquivalentKg?: number; destinationCountry: string };
  readonly mine: MineKey;
  /** kg of REO drawn from the mine; the steps take it from mixed carbonate to the product. */
  readonly sourcedKgReo: number;
  readonly steps: ReadonlyArray<{ process: string; inputForm: string; outputForm: string; yield: number }>;
  readonly licence?: LicenceKey;
  readonly endUser?: { name: string; country: string; address: string };
  readonly stage: Stage;
  /** A customs inspection that weighs 3 % less than declared: a WEIGHT_DISCREPANCY for reviewers. */
  readonly shortWeight?: boolean;
  /** An end-use check that finds the goods diverted: an END_USE_VIOLATION. */
  readonly diverted?: boolean;
}

const SEPARATION = { process: 'separation', inputForm: 'mixed-carbonate', outputForm: 'separated-oxide' };

/**
 * A dozen NdPr oxide lots to Germany, six Dy oxide lots to Japan, six Ce carbonate lots to the
 * USA and two magnet lots, spread over every stage. Departed lots never confirmed and arrived
 * lots never checked are months old, so the deadline flags have something to find.
 */
export function recipes(): Recipe[] {
  const ndprStages: Stage[] = ['registered', 'sourced', 'processed', 'corrected', 'cancelled', 'licensed', 'end-use', 'declared', 'held', 'released', 'arrived', 'closed'];
  const dyStages: Stage[] = ['licensed', 'declared', 'inspected', 'departed', 'checked', 'arrived'];
  const ceStages: Stage[] = ['declared', 'processed', 'registered', 'sourced', 'cancelled', 'sourced'];
  return [
    ...ndprStages.map((stage, index): Recipe => {
      const kg = 2_000 + 250 * index;
      return {
        key: `ndpr-${index}`, exporter: BAOTOU, mine: 'bayanObo', stage, licence: 'ndpr', endUser: PARTIES.rheinland,
        body: { product: 'Praseodymium-neodymium oxide ≥ 99 %', productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', quantityKg: kg, destinationCountry: 'DE' },
        sourcedKgReo: Math.ceil(kg / 0.95), steps: [{ ...SEPARATION, yield: 0.95 }],
      };
    }),
    ...dyStages.map((stage, index): Recipe => {
      const kg = 200 + 20 * index;
      // One lot separates at 0.82, under the 0.90 floor for separation: a LOW_YIELD flag.
      const separationYield = index === 2 ? 0.82 : 0.93;
      return {
        key: `dy-${index}`, exporter: GANZHOU, mine: 'ganzhou', stage, licence: 'dy', endUser: PARTIES.hokkaido,
        shortWeight: stage === 'inspected', diverted: stage === 'checked',
        body: { product: 'Dysprosium oxide 99.9 %', productForm: 'separated-oxide', element: 'Dy', hsCode: '2846.90', quantityKg: kg, destinationCountry: 'JP' },
        sourcedKgReo: Math.ceil(kg / separationYield), steps: [{ ...SEPARATION, yield: separationYield }],
      };
    }),
    // The last lot declares 4,000 kg of sources for 5,000 kg of REO: a SOURCE_SHORTFALL flag.
    ...ceStages.map((stage, index): Recipe => ({
      key: `ce-${index}`, exporter: SICHUAN, mine: 'maoniuping', stage, licence: 'ce', endUser: PARTIES.lakeshore,
      body: { product: 'Cerium carbonate', productForm: 'mixed-carbonate', element: 'Ce', hsCode: '2846.10', quantityKg: 5_000, destinationCountry: 'US' },
      sourcedKgReo: index === 5 ? 4_000 : 5_000, steps: [],
    })),
    // NdFeB holds about 31 % rare earths by mass: 1,000 kg of magnets carry about 360 kg of REO equivalent.
    ...[0, 1].map((index): Recipe => ({
      key: `magnets-${index}`, exporter: GANZHOU, mine: 'bayanObo', stage: 'processed',
      body: { product: 'Sintered NdFeB magnets', productForm: 'magnet', element: 'NdPr', hsCode: '8505.11', quantityKg: 1_000, reoEquivalentKg: 360, destinationCountry: 'NL' },
      sourcedKgReo: 420,
      steps: [
        { process: 'separation', inputForm: 'mixed-carbonate', outputForm: 'separated-oxide', yield: 0.95 },
        { process: 'smelting', inputForm: 'separated-oxide', outputForm: 'metal', yield: 0.96 },
        { process: 'magnet-manufacture', inputForm: 'metal', outputForm: 'magnet', yield: 0.94 },
      ],
    })),
  ];
}
