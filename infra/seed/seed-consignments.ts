import type { SeedActor } from './seed-client';
import { BAOTOU, GANZHOU, MineIds, QUOTA_YEAR, SICHUAN } from './seed-data';
import type { SeedRun } from './seed-run';

/** How far a seeded consignment goes along DOMAIN.md's lifecycle. */
type Stage = 'registered' | 'sourced' | 'processed' | 'corrected' | 'cancelled';

interface Recipe {
  readonly key: string;
  readonly exporter: SeedActor;
  readonly body: { product: string; productForm: string; element: string; hsCode: string; quantityKg: number; reoEquivalentKg?: number; destinationCountry: string };
  readonly mine: keyof MineIds;
  /** kg of REO drawn from the mine; the steps take it from mixed carbonate to the product. */
  readonly sourcedKgReo: number;
  readonly steps: ReadonlyArray<{ process: string; inputForm: string; outputForm: string; yield: number }>;
  readonly stage: Stage;
}

const SEPARATION = { process: 'separation', inputForm: 'mixed-carbonate', outputForm: 'separated-oxide' };
const STAGES: Stage[] = ['registered', 'sourced', 'processed', 'processed', 'corrected', 'cancelled'];

/** A dozen NdPr oxide lots to Germany, six Dy oxide lots to Japan, six Ce carbonate lots to the USA, two magnet lots. */
function recipes(): Recipe[] {
  const list: Recipe[] = [];
  for (let index = 0; index < 12; index++) {
    const kg = 2_000 + 250 * index;
    list.push({
      key: `ndpr-${index}`, exporter: BAOTOU, mine: 'bayanObo', stage: STAGES[index % STAGES.length],
      body: { product: 'Praseodymium-neodymium oxide ≥ 99 %', productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', quantityKg: kg, destinationCountry: 'DE' },
      sourcedKgReo: Math.ceil(kg / 0.95), steps: [{ ...SEPARATION, yield: 0.95 }],
    });
  }
  for (let index = 0; index < 6; index++) {
    const kg = 200 + 20 * index;
    // One lot separates at 0.82, under the 0.90 floor for separation: a LOW_YIELD flag for reviewers.
    const separationYield = index === 2 ? 0.82 : 0.93;
    list.push({
      key: `dy-${index}`, exporter: GANZHOU, mine: 'ganzhou', stage: STAGES[(index + 2) % STAGES.length],
      body: { product: 'Dysprosium oxide 99.9 %', productForm: 'separated-oxide', element: 'Dy', hsCode: '2846.90', quantityKg: kg, destinationCountry: 'JP' },
      sourcedKgReo: Math.ceil(kg / separationYield), steps: [{ ...SEPARATION, yield: separationYield }],
    });
  }
  for (let index = 0; index < 6; index++) {
    // One lot declares 4,000 kg of sources for 5,000 kg of REO: a SOURCE_SHORTFALL flag.
    list.push({
      key: `ce-${index}`, exporter: SICHUAN, mine: 'maoniuping', stage: index === 5 ? 'sourced' : STAGES[index % 4],
      body: { product: 'Cerium carbonate', productForm: 'mixed-carbonate', element: 'Ce', hsCode: '2846.10', quantityKg: 5_000, destinationCountry: 'US' },
      sourcedKgReo: index === 5 ? 4_000 : 5_000, steps: [],
    });
  }
  for (let index = 0; index < 2; index++) {
    // NdFeB holds about 31 % rare earths by mass: 1,000 kg of magnets carry about 360 kg of REO equivalent.
    list.push({
      key: `magnets-${index}`, exporter: GANZHOU, mine: 'bayanObo', stage: 'processed',
      body: { product: 'Sintered NdFeB magnets', productForm: 'magnet', element: 'NdPr', hsCode: '8505.11', quantityKg: 1_000, reoEquivalentKg: 360, destinationCountry: 'NL' },
      sourcedKgReo: 420,
      steps: [
        { process: 'separation', inputForm: 'mixed-carbonate', outputForm: 'separated-oxide', yield: 0.95 },
        { process: 'smelting', inputForm: 'separated-oxide', outputForm: 'metal', yield: 0.96 },
        { process: 'magnet-manufacture', inputForm: 'metal', outputForm: 'magnet', yield: 0.94 },
      ],
    });
  }
  return list;
}

export async function seedConsignments(run: SeedRun, mines: MineIds): Promise<void> {
  for (const recipe of recipes()) await seedConsignment(run, mines, recipe);
  await seedRefusals(run, mines);
}

async function seedConsignment(run: SeedRun, mines: MineIds, recipe: Recipe): Promise<string | null> {
  const step = (name: string) => `consignment:${recipe.key}:${name}`;
  const registered = await run.ok(step('register'), recipe.exporter, '/consignments', recipe.body, 'consignments');
  if (!registered || recipe.stage === 'registered') return registered ? String(registered.id) : null;
  const id = String(registered.id);
  const source = await run.ok(step('source'), recipe.exporter, `/consignments/${id}/mining-sources`, {
    mineId: mines[recipe.mine], extractionBatchRef: `${recipe.key.toUpperCase()}-${QUOTA_YEAR}`, kgReo: recipe.sourcedKgReo, extractedOn: `${QUOTA_YEAR}-03-15`,
  }, 'mining sources');
  if (recipe.stage === 'sourced') return id;
  let input = recipe.sourcedKgReo;
  for (const [index, processing] of recipe.steps.entries()) {
    const output = Math.floor(input * processing.yield * 1000) / 1000;
    await run.ok(step(`step-${index}`), recipe.exporter, `/consignments/${id}/processing-steps`, {
      facility: { id: `FAC-${processing.process.toUpperCase()}-01`, name: `${processing.process} plant`, region: 'Inner Mongolia' },
      process: processing.process, inputForm: processing.inputForm, outputForm: processing.outputForm,
      inputKgReo: input, outputKgReo: output, completedOn: `${QUOTA_YEAR}-05-0${index + 1}`,
    }, 'processing steps');
    input = output;
  }
  if (recipe.stage === 'corrected' && source) {
    await run.ok(step('correct-source'), recipe.exporter, `/consignments/${id}/mining-sources/${String(source.declarationId)}/corrections`, {
      mineId: mines[recipe.mine], extractionBatchRef: `${recipe.key.toUpperCase()}-${QUOTA_YEAR}-R`, kgReo: recipe.sourcedKgReo + 15, extractedOn: `${QUOTA_YEAR}-03-20`,
      reason: 'Weighbridge ticket re-read after the assay',
    }, 'corrections');
  }
  if (recipe.stage === 'cancelled') {
    await run.ok(step('cancel'), recipe.exporter, `/consignments/${id}/cancel`, { reason: 'Buyer withdrew the order' }, 'cancellations');
    await run.refused(step('source-after-cancel'), recipe.exporter, `/consignments/${id}/mining-sources`, {
      mineId: mines[recipe.mine], extractionBatchRef: 'LATE', kgReo: 10, extractedOn: `${QUOTA_YEAR}-04-01`,
    }, 'invalid-transition');
  }
  return id;
}

/** The rules a careless or dishonest declaration meets: each refused, nothing written. */
async function seedRefusals(run: SeedRun, mines: MineIds): Promise<void> {
  const body = { product: 'Lanthanum-cerium carbonate', productForm: 'mixed-carbonate', element: 'mixed', hsCode: '2846.90', quantityKg: 45_000, destinationCountry: 'NL' };
  const registered = await run.ok('refusals:register', SICHUAN, '/consignments', body, 'consignments');
  if (!registered) return;
  const id = String(registered.id);
  await run.refused('refusals:over-quota', SICHUAN, `/consignments/${id}/mining-sources`, {
    mineId: mines.weishan, extractionBatchRef: 'WS-2026-009', kgReo: 45_000, extractedOn: `${QUOTA_YEAR}-02-11`,
  }, 'quota-exceeded');
  await run.ok('refusals:within-quota', SICHUAN, `/consignments/${id}/mining-sources`, {
    mineId: mines.weishan, extractionBatchRef: 'WS-2026-010', kgReo: 38_000, extractedOn: `${QUOTA_YEAR}-02-12`,
  }, 'mining sources');
  await run.refused('refusals:mass-balance', SICHUAN, `/consignments/${id}/processing-steps`, {
    facility: { id: 'FAC-CONV-07', name: 'Zibo conversion works', region: 'Shandong' },
    process: 'conversion', inputForm: 'ore-concentrate', outputForm: 'mixed-carbonate', inputKgReo: 38_000, outputKgReo: 39_000, completedOn: `${QUOTA_YEAR}-03-02`,
  }, 'mass-balance-violation');
}
