import { randomUUID } from 'node:crypto';
import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import {
  drawMiningQuota,
  evolveMine,
  initialMineState,
  MINE_REGISTERED,
  MineEvent,
  mineStream,
  mineStreamId,
  MINING_QUOTA_ALLOCATED,
  MINING_QUOTA_DRAWN,
  MINING_QUOTA_RETURNED,
  remainingQuotaGrams,
} from '@ree/registry';
import { type CommandContext, DomainRuleViolation, fold } from '@ree/shared-kernel';
import type { Pool } from 'pg';
import { registered, registration, source } from '../testing/consignment-events';
import { consignmentStreamId } from '../consignment/consignment.stream';
import { CancelConsignmentCommand } from './cancel-consignment/cancel-consignment.command';
import { CancelConsignmentHandler } from './cancel-consignment/cancel-consignment.handler';
import { operationIdOf } from './command-options';
import { CorrectMiningSourceCommand } from './correct-mining-source/correct-mining-source.command';
import { CorrectMiningSourceHandler } from './correct-mining-source/correct-mining-source.handler';
import { DeclareMiningSourceCommand } from './declare-mining-source/declare-mining-source.command';
import { DeclareMiningSourceHandler } from './declare-mining-source/declare-mining-source.handler';
import { ConsignmentGiver } from '../jobs/consignment-giver';
import { MineReservations } from './mine-reservations';

/** The reservation pattern against the real PostgreSQL store: half-done commands, corrections, returns. */
describe('quota reservations', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let mines: MineReservations;

  beforeAll(() => {
    pool = createEventStorePool(process.env.DATABASE_URL ?? '', { max: 4, applicationName: 'consignment-reservations-int-spec' });
    store = new PostgresEventStore({ pool });
    mines = new MineReservations(store);
  });
  afterAll(() => pool.end());

  const exporter = (idempotencyKey?: string): CommandContext => ({
    actor: { sub: 'int-spec-exporter', role: 'exporter', org: registration.exporterOrg },
    correlationId: 'int-spec',
    now: new Date('2025-03-01T09:00:00Z'),
    idempotencyKey,
  });

  async function mineWithQuota(quotaKgReo: number): Promise<string> {
    const mineId = randomUUID();
    const events: MineEvent[] = [
      { type: MINE_REGISTERED, data: { mineId, name: 'Bayan Obo', operator: 'Baotou Steel', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150', depositType: 'bastnaesite' } },
      { type: MINING_QUOTA_ALLOCATED, data: { allocationId: 'a1', year: 2025, category: 'light', quotaKgReo } },
    ];
    await store.appendToStream(mineStreamId(mineId), events.map((event) => ({ ...event, metadata: { actor: { sub: 'officer', role: 'licensing-officer' } } })));
    return mineId;
  }

  async function mine(mineId: string) {
    const events = mineStream.domainEvents(await store.readStream(mineStreamId(mineId)));
    const state = fold({ evolve: evolveMine, initialState: initialMineState }, events);
    return { remaining: remainingQuotaGrams(state, 2025, 'light'), draws: events.filter((event) => event.type === MINING_QUOTA_DRAWN).length };
  }

  async function registeredConsignment(): Promise<string> {
    const consignmentId = randomUUID();
    const event = { ...registered, data: { ...registration, consignmentId }, metadata: { actor: exporter().actor } };
    await store.appendToStream(consignmentStreamId(consignmentId), [event], { expectedRevision: 'no-stream' });
    return consignmentId;
  }

  const declaration = (consignmentId: string, mineId: string, kgReo: number, context = exporter()) => {
    const operationId = operationIdOf(context, `consignment/${consignmentId}/mining-sources`);
    const { category: _settledByTheMine, ...input } = { ...source(randomUUID(), kgReo), mineId };
    return new DeclareMiningSourceCommand(consignmentId, input, operationId, context);
  };

  it('a declaration that drew but never reached the consignment is completed by its retry, drawing once', async () => {
    const mineId = await mineWithQuota(1000);
    const consignmentId = await registeredConsignment();
    const command = declaration(consignmentId, mineId, 600, exporter(`key-${randomUUID()}`));
    const draw = { ...command.source, year: 2025, category: 'light', consignmentId } as const;
    await mines.decide(mineId, (state) => drawMiningQuota(draw, state), command.operationId, command.context);

    const retried = await new DeclareMiningSourceHandler(store, mines).execute(command);

    expect(retried.revision).toBe(1);
    expect(retried.state.sources[command.source.declarationId]).toMatchObject({ kgReo: 600, category: 'light' });
    expect(await mine(mineId)).toEqual({ remaining: 400_000, draws: 1 });
  });

  it('a cancellation appends only itself; its give-back returns every draw once, and its keyed retry answers it again', async () => {
    const mineId = await mineWithQuota(1000);
    const consignmentId = await registeredConsignment();
    await new DeclareMiningSourceHandler(store, mines).execute(declaration(consignmentId, mineId, 700));
    const context = exporter(`key-${randomUUID()}`);
    const cancel = new CancelConsignmentCommand(consignmentId, 'buyer withdrew', operationIdOf(context, 'cancel'), context);
    const cancelled = await new CancelConsignmentHandler(store).execute(cancel);
    expect((await mine(mineId)).remaining).toBe(300_000);

    const retried = await new CancelConsignmentHandler(store).execute(cancel);
    const job = { kind: 'consignment-cancelled', consignmentId } as const;
    const jobId = cancelled.newEvents[0].eventId;
    await Promise.all([new ConsignmentGiver(store).giveBack(job, jobId), new ConsignmentGiver(store).giveBack(job, jobId)]);

    expect([retried.state.status, retried.revision, retried.newEvents]).toEqual(['cancelled', cancelled.revision, []]);
    expect((await mine(mineId)).remaining).toBe(1_000_000);
    const returns = (await store.readStream(mineStreamId(mineId))).filter((event) => event.type === MINING_QUOTA_RETURNED);
    expect(returns.map((event) => [event.data, event.metadata.causationId])).toEqual([[expect.objectContaining({ reason: 'consignment-cancelled' }), jobId]]);
    await expect(new CancelConsignmentHandler(store).execute({ ...cancel, operationId: 'another' })).rejects.toMatchObject({ code: 'invalid-transition' });
  });

  it('a draw made by another API instance counts: each decision reads what the mine gained since it last looked', async () => {
    const mineId = await mineWithQuota(1000);
    const otherInstance = new MineReservations(store);
    const first = await registeredConsignment();
    const second = await registeredConsignment();
    await new DeclareMiningSourceHandler(store, mines).execute(declaration(first, mineId, 300));
    await new DeclareMiningSourceHandler(store, otherInstance).execute(declaration(second, mineId, 600));

    const over = new DeclareMiningSourceHandler(store, mines).execute(declaration(first, mineId, 100.001));

    await expect(over).rejects.toMatchObject({ code: 'quota-exceeded' });
    await new DeclareMiningSourceHandler(store, mines).execute(declaration(first, mineId, 100));
    expect(await mine(mineId)).toEqual({ remaining: 0, draws: 3 });
  });

  it('a correction downwards on a spent quota passes: the old draw is returned in the same append, and its give-back finds nothing left', async () => {
    const mineId = await mineWithQuota(1000);
    const consignmentId = await registeredConsignment();
    const declared = declaration(consignmentId, mineId, 1000);
    await new DeclareMiningSourceHandler(store, mines).execute(declared);
    const correction = { ...declared.source, declarationId: randomUUID(), correctsId: declared.source.declarationId, kgReo: 900, reason: 'weighbridge' };

    const corrected = await new CorrectMiningSourceHandler(store, mines).execute(new CorrectMiningSourceCommand(consignmentId, correction, randomUUID(), exporter()));
    const job = { kind: 'mining-source-corrected', consignmentId, correctsId: declared.source.declarationId } as const;
    await new ConsignmentGiver(store).giveBack(job, corrected.newEvents[0].eventId);

    expect(corrected.state.sources[declared.source.declarationId].correctedBy).toBe(correction.declarationId);
    expect(await mine(mineId)).toEqual({ remaining: 100_000, draws: 2 });
    expect((await store.readStream(mineStreamId(mineId))).filter((event) => event.type === MINING_QUOTA_RETURNED)).toHaveLength(1);
  });

  it('a correction to another mine that would exceed its quota leaves the old draw and the consignment as they were', async () => {
    const mineA = await mineWithQuota(1000);
    const mineB = await mineWithQuota(100);
    const consignmentId = await registeredConsignment();
    const declared = declaration(consignmentId, mineA, 500);
    await new DeclareMiningSourceHandler(store, mines).execute(declared);
    const correction = { ...declared.source, mineId: mineB, declarationId: randomUUID(), correctsId: declared.source.declarationId, kgReo: 100.001, reason: 'other mine' };

    const refused = new CorrectMiningSourceHandler(store, mines).execute(new CorrectMiningSourceCommand(consignmentId, correction, randomUUID(), exporter()));

    await expect(refused).rejects.toBeInstanceOf(DomainRuleViolation);
    await expect(refused).rejects.toMatchObject({ code: 'quota-exceeded' });
    expect((await mine(mineA)).remaining).toBe(500_000);
    expect((await mine(mineB)).remaining).toBe(100_000);
    expect(await store.readStream(consignmentStreamId(consignmentId))).toHaveLength(2);
  });
});
