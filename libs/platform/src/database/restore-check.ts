import { Client } from 'pg';
import { restoreStepMissing } from '@ree/event-store';

/**
 * `null` unless the database was restored into another PostgreSQL cluster and the restore step
 * has not run: then the one line that names it (docs/operations.md, "Backup and restore"). A
 * process refuses to start on it rather than fail every append and read once running.
 * Connection problems are the service check's to report.
 */
export async function checkRestoreStep(url: string, timeoutMs = 3_000): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await restoreStepMissing(client);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
