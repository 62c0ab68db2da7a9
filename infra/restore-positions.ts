import { Client } from 'pg';
import { continuePositions, type PositionEpochStep } from '../libs/event-store/src';

/**
 * The step after a logical restore (`npm run restore:positions`, docs/operations.md "Backup and
 * restore"): moves the event store's positions above the restored head on the cluster `url`
 * points at, or does nothing when they already continue there. Safe to run at any time.
 */
export async function restorePositions(url: string): Promise<PositionEpochStep> {
  const client = new Client({ connectionString: url, application_name: 'ree-restore-positions' });
  await client.connect();
  try {
    return await continuePositions(client);
  } finally {
    await client.end();
  }
}

/** One line for the operator. */
export function describeStep(step: PositionEpochStep): string {
  if (!step.recorded) {
    return `Positions already continue on this PostgreSQL cluster (base ${step.base}, head ${step.head ?? 'none'}): nothing to do.`;
  }
  return (
    `Positions continue above the restored head ${step.head ?? '(empty store)'} on this PostgreSQL cluster: ` +
    `base ${step.previousBase} -> ${step.base}, recorded in event_store.position_epochs.`
  );
}
