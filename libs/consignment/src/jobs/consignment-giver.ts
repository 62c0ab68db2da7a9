import type { EventStore } from '@ree/event-store';
import { laterPosition } from '@ree/event-store';
import { LicenceReservations } from '../commands/licence-reservations';
import { MineReservations } from '../commands/mine-reservations';
import { readConsignment } from '../commands/read-consignment';
import { giveBackFor, type GiveBackJob } from './give-back.decide';
import { GIVE_BACK_ACTOR, GIVE_BACK_QUEUE } from './give-back.job';

/**
 * Runs one give-back job on the event store port: reads the consignment, then appends each return
 * or release on its stream with that stream's expected revision (deciding again after a
 * concurrent draw). Event ids derive from the job id (the causing event's id), so a job run twice,
 * or enqueued again by a replay, gives back once. Answers the position of the last event written
 * or found, so that a caller can wait for the read models to show it.
 */
export class ConsignmentGiver {
  private readonly mines: MineReservations;
  private readonly licences: LicenceReservations;

  constructor(private readonly store: EventStore) {
    this.mines = new MineReservations(store);
    this.licences = new LicenceReservations(store);
  }

  async giveBack(job: GiveBackJob, jobId: string): Promise<string | null> {
    const { mines, licence } = giveBackFor(job, await readConsignment(this.store, job.consignmentId));
    const operationId = `${GIVE_BACK_QUEUE}:${jobId}`;
    const metadata = { actor: GIVE_BACK_ACTOR, correlationId: job.correlationId ?? jobId, causationId: jobId };
    let position: string | null = null;
    for (const { mineId, decide } of mines) position = laterPosition(this.store, position, await this.mines.decide(mineId, decide, operationId, metadata));
    if (licence) position = laterPosition(this.store, position, await this.licences.decide(licence.licenceId, licence.decide, operationId, metadata));
    return position;
  }
}
