import { createHash } from 'node:crypto';
import { CUSTOMS_ZHAO, GANZHOU, MineIds, OFFICER_LI, QUOTA_YEAR, SICHUAN } from './seed-data';
import { LicenceKey, Recipe, recipes, STAGES } from './seed-recipes';
import type { SeedRun } from './seed-run';

export type LicenceIds = Partial<Record<LicenceKey, string>>;

const reached = (recipe: Recipe, stage: (typeof STAGES)[number]) =>
  STAGES.includes(recipe.stage as (typeof STAGES)[number]) && STAGES.indexOf(recipe.stage as (typeof STAGES)[number]) >= STAGES.indexOf(stage);

/** Steps kept for the end of the run. */
type Later = Array<() => Promise<void>>;

/**
 * Every recipe taken as far as its stage, then the licence suspended under a shipment in transit,
 * then the declarations that the rules refuse, and last the failed end-use check: the system
 * answers it by suspending the licence (END_USE_VIOLATION), which would refuse every later step
 * on that licence, so the seed records it last and waits for the suspension.
 */
export async function seedConsignments(run: SeedRun, mines: MineIds, licences: LicenceIds): Promise<void> {
  const ids = new Map<string, string>();
  const later: Later = [];
  for (const recipe of recipes()) {
    const id = await seedConsignment(run, mines, licences, recipe, later);
    if (id) ids.set(recipe.key, id);
  }
  if (licences.ce) {
    // ce-0's shipment is declared: suspending its licence now puts a licence suspension in transit.
    await run.ok('licence:ce:suspend', OFFICER_LI, `/licences/${licences.ce}/suspend`, { reason: 'End-user audit pending' }, 'suspensions');
    const ce1 = ids.get('ce-1');
    if (ce1) await run.refused('refusals:attach-suspended', SICHUAN, `/consignments/${ce1}/licence`, { licenceId: licences.ce }, 'licence-not-active');
  }
  await seedRefusals(run, mines, licences, ids);
  for (const step of later) await step();
}

async function seedConsignment(run: SeedRun, mines: MineIds, licences: LicenceIds, recipe: Recipe, later: Later): Promise<string | null> {
  const step = (name: string) => `consignment:${recipe.key}:${name}`;
  const registered = await run.ok(step('register'), recipe.exporter, '/consignments', recipe.body, 'consignments');
  if (!registered || recipe.stage === 'registered') return registered ? String(registered.id) : null;
  const id = String(registered.id);
  const at = (path: string) => `/consignments/${id}/${path}`;
  const source = await run.ok(step('source'), recipe.exporter, at('mining-sources'), {
    mineId: mines[recipe.mine], extractionBatchRef: `${recipe.key.toUpperCase()}-${QUOTA_YEAR}`, kgReo: recipe.sourcedKgReo, extractedOn: `${QUOTA_YEAR}-03-15`,
  }, 'mining sources');
  if (recipe.stage === 'sourced') return id;
  let input = recipe.sourcedKgReo;
  for (const [index, processing] of recipe.steps.entries()) {
    const output = Math.floor(input * processing.yield * 1000) / 1000;
    await run.ok(step(`step-${index}`), recipe.exporter, at('processing-steps'), {
      facility: { id: `FAC-${processing.process.toUpperCase()}-01`, name: `${processing.process} plant`, region: 'Inner Mongolia' },
      process: processing.process, inputForm: processing.inputForm, outputForm: processing.outputForm,
      inputKgReo: input, outputKgReo: output, completedOn: `${QUOTA_YEAR}-05-0${index + 1}`,
    }, 'processing steps');
    input = output;
  }
  if (recipe.stage === 'corrected' && source) {
    await run.ok(step('correct-source'), recipe.exporter, at(`mining-sources/${String(source.declarationId)}/corrections`), {
      mineId: mines[recipe.mine], extractionBatchRef: `${recipe.key.toUpperCase()}-${QUOTA_YEAR}-R`, kgReo: recipe.sourcedKgReo + 15, extractedOn: `${QUOTA_YEAR}-03-20`,
      reason: 'Weighbridge ticket re-read after the assay',
    }, 'corrections');
  }
  if (recipe.stage === 'cancelled') {
    await run.ok(step('cancel'), recipe.exporter, at('cancel'), { reason: 'Buyer withdrew the order' }, 'cancellations');
    await run.refused(step('source-after-cancel'), recipe.exporter, at('mining-sources'), {
      mineId: mines[recipe.mine], extractionBatchRef: 'LATE', kgReo: 10, extractedOn: `${QUOTA_YEAR}-04-01`,
    }, 'invalid-transition');
  }
  const licenceId = recipe.licence && licences[recipe.licence];
  if (!licenceId || !reached(recipe, 'licensed')) return id;
  const attached = await run.ok(step('attach'), recipe.exporter, at('licence'), { licenceId }, 'licence attachments');
  if (!attached || !reached(recipe, 'end-use')) return id;
  const filed = await run.ok(step('end-use'), recipe.exporter, at('end-use-declaration'), endUseDeclaration(recipe), 'end-use declarations');
  if (!filed || !reached(recipe, 'declared')) return id;
  await seedShipment(run, recipe, at, step, later, licenceId);
  return id;
}

function endUseDeclaration(recipe: Recipe): object {
  const endUse = `${recipe.body.product} for the end user's own production`;
  return {
    endUser: recipe.endUser, endUse, endUseCategory: 'civil-industrial',
    commitments: { noMilitaryUse: true, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true },
    signatory: { name: 'Procurement lead', title: 'Head of Procurement' }, signedOn: `${QUOTA_YEAR}-06-01`,
    // The SHA-256 of the signed paper; here, of a stand-in text.
    documentSha256: createHash('sha256').update(`${recipe.key}: ${endUse}`).digest('hex'),
  };
}

async function seedShipment(
  run: SeedRun, recipe: Recipe, at: (path: string) => string, step: (name: string) => string, later: Later, licenceId: string,
): Promise<void> {
  const declaredNetKg = recipe.body.quantityKg;
  const declared = await run.ok(step('shipment'), CUSTOMS_ZHAO, at('shipment'), {
    customsDeclarationNo: `0201${QUOTA_YEAR}${String(recipe.key.length).padStart(2, '0')}${recipe.key.replace(/\D/g, '').padStart(8, '0')}`,
    portOfExport: 'CNTSN', carrier: 'COSCO Shipping', containerNos: ['CSNU1234565'], declaredNetKg,
    hsCode: recipe.body.hsCode, destinationCountry: recipe.body.destinationCountry, declaredOn: `${QUOTA_YEAR}-06-10`,
  }, 'shipments declared');
  if (!declared) return;
  if (reached(recipe, 'inspected')) {
    const measuredNetKg = recipe.shortWeight ? Math.round(declaredNetKg * 970) / 1000 : declaredNetKg;
    await run.ok(step('inspect'), CUSTOMS_ZHAO, at('shipment/inspection'), {
      inspectedOn: `${QUOTA_YEAR}-06-11`, measuredNetKg, sealNos: ['CN1234567'], result: recipe.shortWeight ? 'discrepancy' : 'conforming',
      notes: recipe.shortWeight ? 'Net mass 3 % under the declaration' : '',
    }, 'inspections');
  }
  if (reached(recipe, 'held')) {
    await run.ok(step('hold'), CUSTOMS_ZHAO, at('shipment/hold'), { reason: 'Seal number differs from the declaration' }, 'holds');
    if (recipe.stage === 'held') {
      await run.refused(step('release-while-held'), CUSTOMS_ZHAO, at('shipment/release'), { releasedOn: `${QUOTA_YEAR}-06-12` }, 'invalid-transition');
      return;
    }
    await run.ok(step('lift-hold'), CUSTOMS_ZHAO, at('shipment/lift-hold'), { reason: 'Resealed under supervision' });
  }
  if (!reached(recipe, 'released')) return;
  const released = await run.ok(step('release'), CUSTOMS_ZHAO, at('shipment/release'), { releasedOn: `${QUOTA_YEAR}-06-12` }, 'releases');
  if (!released || !reached(recipe, 'departed')) return;
  await run.ok(step('depart'), CUSTOMS_ZHAO, at('shipment/departure'), { departedAt: `${QUOTA_YEAR}-06-13T06:00:00Z`, vesselOrFlight: 'COSCO Aries' }, 'departures');
  if (!reached(recipe, 'arrived')) return;
  await run.ok(step('arrive'), CUSTOMS_ZHAO, at('shipment/arrival'), {
    arrivedAt: `${QUOTA_YEAR}-07-20T14:00:00Z`, portOfArrival: recipe.body.destinationCountry === 'JP' ? 'JPYOK' : 'DEHAM', confirmedBy: recipe.endUser?.name ?? 'consignee',
  }, 'arrivals');
  if (!reached(recipe, 'checked')) return;
  if (recipe.diverted) {
    later.push(async () => {
      await run.ok(step('check'), OFFICER_LI, at('end-use-checks'), {
        checkedOn: `${QUOTA_YEAR}-08-15`, outcome: 'diverted', notes: 'Goods found at a third party not named in the declaration',
      }, 'end-use checks');
      await run.until(step('licence-suspended'), OFFICER_LI, `/licences/${licenceId}`, (licence) => licence.status === 'suspended', 'system suspensions');
    });
    return;
  }
  await run.ok(step('check'), OFFICER_LI, at('end-use-checks'), {
    checkedOn: `${QUOTA_YEAR}-08-15`, outcome: 'verified', notes: 'Site visit: material in production',
  }, 'end-use checks');
  if (reached(recipe, 'closed')) await run.ok(step('close'), OFFICER_LI, at('close'), {}, 'closed');
}

/** The rules a careless or dishonest declaration meets: each refused, nothing written. */
async function seedRefusals(run: SeedRun, mines: MineIds, licences: LicenceIds, ids: Map<string, string>): Promise<void> {
  const body = { product: 'Lanthanum-cerium carbonate', productForm: 'mixed-carbonate', element: 'mixed', hsCode: '2846.90', quantityKg: 45_000, destinationCountry: 'NL' };
  const registered = await run.ok('refusals:register', SICHUAN, '/consignments', body, 'consignments');
  if (registered) {
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
  const magnets = ids.get('magnets-0');
  if (magnets && licences.dy) {
    await run.refused('refusals:scope', GANZHOU, `/consignments/${magnets}/licence`, { licenceId: licences.dy }, 'licence-scope-mismatch');
  }
  const extra = await run.ok('refusals:dy-extra', GANZHOU, '/consignments', {
    product: 'Dysprosium oxide 99.9 %', productForm: 'separated-oxide', element: 'Dy', hsCode: '2846.90', quantityKg: 900, destinationCountry: 'JP',
  }, 'consignments');
  if (extra && licences.dy) {
    const id = String(extra.id);
    await run.ok('refusals:dy-extra:source', GANZHOU, `/consignments/${id}/mining-sources`, {
      mineId: mines.ganzhou, extractionBatchRef: 'GZ-2026-EXTRA', kgReo: 900, extractedOn: `${QUOTA_YEAR}-04-02`,
    }, 'mining sources');
    // Six lots hold 1,500 of the licence's 2,000 kg: 900 more do not fit.
    await run.refused('refusals:dy-extra:attach', GANZHOU, `/consignments/${id}/licence`, { licenceId: licences.dy }, 'licence-balance-exceeded');
  }
  const licensedOnly = ids.get('ndpr-5');
  if (licensedOnly) {
    await run.refused('refusals:no-end-use', CUSTOMS_ZHAO, `/consignments/${licensedOnly}/shipment`, {
      customsDeclarationNo: '020120260000999999', portOfExport: 'CNTSN', carrier: 'COSCO Shipping', containerNos: ['CSNU7654321'],
      declaredNetKg: 3_250, hsCode: '2846.90', destinationCountry: 'DE', declaredOn: `${QUOTA_YEAR}-06-20`,
    }, 'end-use-declaration-missing');
  }
}
