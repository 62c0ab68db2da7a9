import type { SeedClient } from './seed-client';
import {
  BAOTOU, GANZHOU, MineIds, MINES, MineKey, OFFICER_LI, OFFICER_WANG, PARTIES, QUOTA_YEAR, RESTRICTED_PARTIES, SICHUAN, VALIDITY,
} from './seed-data';
import { SeedReport, SeedRun } from './seed-run';
import { LicenceIds, seedConsignments } from './seed-consignments';

/**
 * Loads a living system through the public API: mines with their quotas, the restricted list,
 * licences in every state, and consignments at every stage of the lifecycle (docs/domain.md, "Lifecycle of a consignment"), meeting
 * every rule on the way. Idempotent: a second run with the same label replays the first answers.
 */
export async function seed(client: SeedClient, runLabel = 'seed-v1'): Promise<SeedReport> {
  const run = new SeedRun(client, runLabel);
  const mines = await seedMines(run);
  await seedRestrictedList(run);
  const licences = await seedLicences(run);
  await seedConsignments(run, mines, licences);
  return run.report;
}

async function seedMines(run: SeedRun): Promise<MineIds> {
  const ids: Partial<MineIds> = {};
  for (const [key, mine] of Object.entries(MINES) as [MineKey, (typeof MINES)[MineKey]][]) {
    const registered = await run.ok(`mine:${key}`, OFFICER_LI, '/mines', mine.body, 'mines');
    if (!registered) continue;
    ids[key] = String(registered.id);
    for (const [batch, quota] of mine.quotas.entries()) {
      await run.ok(`mine:${key}:quota:${batch}`, OFFICER_LI, `/mines/${ids[key]}/quotas`, { year: QUOTA_YEAR, ...quota }, 'quota batches');
    }
  }
  return ids as MineIds;
}

async function seedRestrictedList(run: SeedRun): Promise<void> {
  for (const [index, party] of RESTRICTED_PARTIES.entries()) {
    const listed = await run.ok(`party:${index}`, OFFICER_LI, '/restricted-parties', party, 'listed parties');
    if (listed && index === RESTRICTED_PARTIES.length - 1) {
      await run.ok(`party:${index}:delist`, OFFICER_WANG, `/restricted-parties/${String(listed.id)}/delist`, { reason: 'Review found the re-export consented after the fact' });
      await run.refused(`party:${index}:delist-again`, OFFICER_LI, `/restricted-parties/${String(listed.id)}/delist`, { reason: 'Twice' }, 'invalid-transition');
    }
  }
  // Licence screening reads the restricted list's read model: let it catch up first.
  await run.caughtUp(OFFICER_LI, '/restricted-parties?limit=1');
}

async function seedLicences(run: SeedRun): Promise<LicenceIds> {
  const apply = (step: string, actor: typeof BAOTOU, consignee: object, endUser: object, destinationCountry: string, items: object[], intendedEndUse: string) =>
    // Several lots ship under each licence: multi-use licences at the port the seed declares at (Tianjin).
    run.ok(`licence:${step}`, actor, '/licences', { consignee, endUser, destinationCountry, items, intendedEndUse, kind: 'multi-use', customsOffice: 'CNTSN' }, 'licence applications');
  const idOf = (answer: Record<string, unknown> | null) => (answer ? String(answer.id) : null);

  const ndpr = idOf(await apply('ndpr-de', BAOTOU, PARTIES.rheinland, PARTIES.rheinland, 'DE',
    [{ product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 60_000 }], 'Sintered NdFeB magnets for industrial motors'));
  const dy = idOf(await apply('dy-jp', GANZHOU, PARTIES.hokkaido, PARTIES.hokkaido, 'JP',
    [{ product: 'Dysprosium oxide 99.9 %', hsCode: '2846.90', element: 'Dy', quantityKg: 2_000 }], 'Grain-boundary diffusion in traction-motor magnets'));
  const ce = idOf(await apply('ce-us', SICHUAN, PARTIES.lakeshore, PARTIES.lakeshore, 'US',
    [{ product: 'Cerium carbonate', hsCode: '2846.10', element: 'Ce', quantityKg: 50_000 }], 'Fluid catalytic cracking catalysts'));
  const nd = idOf(await apply('nd-kr', BAOTOU, PARTIES.busan, PARTIES.busan, 'KR',
    [{ product: 'Neodymium metal 99.5 %', hsCode: '2805.30', element: 'Nd', quantityKg: 10_000 }], 'Magnet alloy production'));
  // Stays applied and screened, waiting for an officer.
  await apply('magnets-nl', GANZHOU, PARTIES.rotterdam, PARTIES.rotterdam, 'NL',
    [{ product: 'Sintered NdFeB magnets', hsCode: '8505.11', element: 'NdPr', quantityKg: 1_500 }], 'Wind-turbine generators');
  const rejected = idOf(await apply('la-nl', SICHUAN, PARTIES.rotterdam, PARTIES.rotterdam, 'NL',
    [{ product: 'Lanthanum oxide', hsCode: '2846.90', element: 'La', quantityKg: 8_000 }], 'Optical glass'));
  const matched = idOf(await apply('kestrel', BAOTOU, PARTIES.kestrelLookalike, PARTIES.kestrelLookalike, 'DE',
    [{ product: 'Dysprosium-iron alloy', hsCode: '7202.99', element: 'Dy', quantityKg: 400 }], 'Aerospace actuators'));

  // Four eyes: the approving officer may not countersign; a second officer issues.
  for (const [key, id] of [['ndpr', ndpr], ['dy', dy], ['ce', ce], ['nd', nd]] as const) {
    if (!id) continue;
    await run.ok(`licence:${key}:approve`, OFFICER_LI, `/licences/${id}/approve`, VALIDITY, 'approvals');
    if (key === 'dy') await run.refused('licence:dy:self-issue', OFFICER_LI, `/licences/${id}/issue`, {}, 'four-eyes-required');
    await run.ok(`licence:${key}:issue`, OFFICER_WANG, `/licences/${id}/issue`, {}, 'issued licences');
  }
  if (nd) {
    await run.ok('licence:nd:suspend', OFFICER_LI, `/licences/${nd}/suspend`, { reason: 'Consignee ownership change under review' }, 'suspensions');
    await run.refused('licence:nd:self-revoke', OFFICER_LI, `/licences/${nd}/revoke`, { reason: 'Same officer' }, 'four-eyes-required');
    await run.ok('licence:nd:revoke', OFFICER_WANG, `/licences/${nd}/revoke`, { reason: 'Consignee acquired by a listed party' }, 'revocations');
    await run.refused('licence:nd:reinstate-revoked', OFFICER_LI, `/licences/${nd}/reinstate`, { reason: 'Too late' }, 'invalid-transition');
  }
  if (rejected) await run.ok('licence:la:reject', OFFICER_LI, `/licences/${rejected}/reject`, { reason: 'End use not substantiated' }, 'rejections');
  if (matched) await run.refused('licence:kestrel:approve', OFFICER_LI, `/licences/${matched}/approve`, VALIDITY, 'restricted-party-match');
  // The cerium licence is suspended later, with a shipment under it in transit (seed-consignments.ts).
  return { ndpr: ndpr ?? undefined, dy: dy ?? undefined, ce: ce ?? undefined };
}
