import { initialLicenceState, type LicenceState } from '@ree/licensing';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import type { ReviewDocument } from '../review-document/review-document';
import { consignmentRow, flagRows, flagsOf, foldOf, type ConsignmentRow, type StoredFold } from './consignment-row';
import type { BatchKeys, MineFold, ReviewBatch, ReviewRows } from './review-batch';

const CONSIGNMENT_COLUMNS: readonly (readonly [keyof ConsignmentRow, string])[] = [
  ['consignment_id', 'text'],
  ['exporter_org', 'text'],
  ['status', 'text'],
  ['product', 'text'],
  ['element', 'text'],
  ['hs_code', 'text'],
  ['destination_country', 'text'],
  ['quantity_grams', 'bigint'],
  ['licence_id', 'text'],
  ['registered_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['released_on', 'date'],
  ['shipped_grams', 'bigint'],
  ['control_code', 'text'],
  ['controlled', 'boolean'],
  ['open_flags', 'text[]'],
  ['open_severities', 'text[]'],
  ['last_position', 'bigint'],
  ['document', 'jsonb'],
  ['fold', 'jsonb'],
];

const FLAG_COLUMNS = [
  'consignment_id text', 'seq integer', 'flag_key text', 'code text', 'severity text', 'detail text', 'exporter_org text',
  'raised_at timestamptz', 'raised_position bigint', 'cleared_at timestamptz',
];

/** A batch's rows, and each loaded consignment's flags as they were (to write flag rows only where they changed). */
export interface LoadedRows {
  readonly rows: ReviewRows;
  readonly flagsAtLoad: ReadonlyMap<string, string>;
}

const names = (columns: readonly string[]): string => columns.map((column) => column.split(' ')[0]).join(', ');

/** A schema name as an SQL identifier, quoted, so that a blue/green copy's name is never read as SQL. */
export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The review projection's statements over the tables of one schema (`review`, or a copy during a
 * blue/green rebuild). A batch reads with one query per table and writes with one statement per
 * table: rows go over as one JSON array (`jsonb_to_recordset`) or as arrays (`unnest`).
 */
export class ReviewTables {
  private readonly schema: string;
  private readonly upsertConsignments: string;
  private readonly insertFlags: string;

  constructor(schema: string) {
    const s = (this.schema = quoteIdentifier(schema));
    const columns = CONSIGNMENT_COLUMNS.map(([name, type]) => `${name} ${type}`);
    this.upsertConsignments = `
      INSERT INTO ${s}.consignments (${names(columns)})
      SELECT ${names(columns)} FROM jsonb_to_recordset($1::jsonb) AS r(${columns.join(', ')})
      ON CONFLICT (consignment_id) DO UPDATE SET
        ${CONSIGNMENT_COLUMNS.slice(1).map(([name]) => `${name} = EXCLUDED.${name}`).join(', ')}`;
    this.insertFlags = `
      INSERT INTO ${s}.flags (${names(FLAG_COLUMNS)})
      SELECT ${names(FLAG_COLUMNS)} FROM jsonb_to_recordset($1::jsonb) AS r(${FLAG_COLUMNS.join(', ')})`;
  }

  /**
   * The rows of every id the batch names, of every consignment holding one of its licences, and of
   * the licence each of those consignments attached (its fold goes back into the consignment's).
   */
  async load(tx: EntityManager, keys: BatchKeys): Promise<LoadedRows> {
    const s = this.schema;
    const holders = new Map<string, Set<string>>();
    const consignmentIds = new Set(keys.consignmentIds);
    if (keys.licenceIds.size > 0) {
      const pairs: { licence_id: string; consignment_id: string }[] = await tx.query(
        `SELECT licence_id, consignment_id FROM ${s}.licence_consignments WHERE licence_id = ANY($1::text[])`,
        [[...keys.licenceIds]],
      );
      for (const { licence_id, consignment_id } of pairs) {
        holders.set(licence_id, (holders.get(licence_id) ?? new Set()).add(consignment_id));
        consignmentIds.add(consignment_id);
      }
    }
    const consignments: { consignment_id: string; licence_id: string | null; last_position: string; document: ReviewDocument; fold: StoredFold }[] =
      consignmentIds.size === 0 ? [] : await tx.query(
        `SELECT consignment_id, licence_id, last_position::text AS last_position, document, fold FROM ${s}.consignments WHERE consignment_id = ANY($1::text[])`,
        [[...consignmentIds]],
      );
    const licenceIds = new Set(keys.licenceIds);
    for (const row of consignments) if (row.licence_id !== null) licenceIds.add(row.licence_id);
    const licences: { licence_id: string; revision: number; fold: LicenceState; history: RecordedEvent[] }[] =
      licenceIds.size === 0 ? [] : await tx.query(
        `SELECT licence_id, revision, fold, history FROM ${s}.licences WHERE licence_id = ANY($1::text[])`,
        [[...licenceIds]],
      );
    const mines: ({ mine_id: string } & MineFold)[] =
      keys.mineIds.size === 0 ? [] : await tx.query(`SELECT mine_id, revision, name, pending FROM ${s}.mines WHERE mine_id = ANY($1::text[])`, [[...keys.mineIds]]);
    // A licence folded before a field of the state existed (the endorsements) has that field's initial value.
    const licenceFolds = new Map(licences.map((row) => [row.licence_id, { revision: row.revision, state: { ...initialLicenceState(), ...row.fold }, history: row.history }]));
    const attached = (licenceId: string | null) => {
      const licence = licenceId === null ? undefined : licenceFolds.get(licenceId);
      return licence === undefined ? {} : { [licenceId!]: licence.state };
    };
    const folds = consignments.map((row) => [row.consignment_id, foldOf(row.document, row.fold, row.last_position, attached(row.licence_id))] as const);
    return {
      rows: { consignments: new Map(folds), licences: licenceFolds, mines: new Map(mines.map(({ mine_id, ...mine }) => [mine_id, mine])), holders },
      flagsAtLoad: new Map(folds.map(([id, fold]) => [id, flagsOf(fold)])),
    };
  }

  /** Writes back what the batch changed; the flag rows of a consignment whose flags changed are rewritten from its document. */
  async save(tx: EntityManager, { rows, flagsAtLoad }: LoadedRows, changed: ReviewBatch['changed']): Promise<void> {
    const s = this.schema;
    const consignments = [...changed.consignments]
      .map((id) => consignmentRow(id, rows.consignments.get(id)!))
      .filter((row): row is ConsignmentRow => row !== null);
    if (consignments.length > 0) await tx.query(this.upsertConsignments, [JSON.stringify(consignments)]);
    const reflagged = consignments.filter((row) => flagsAtLoad.get(row.consignment_id) !== flagsOf(rows.consignments.get(row.consignment_id)!));
    if (reflagged.length > 0) {
      const stored = reflagged.filter((row) => flagsAtLoad.has(row.consignment_id)).map((row) => row.consignment_id);
      if (stored.length > 0) await tx.query(`DELETE FROM ${s}.flags WHERE consignment_id = ANY($1::text[])`, [stored]);
      const flags = reflagged.flatMap(flagRows);
      if (flags.length > 0) await tx.query(this.insertFlags, [JSON.stringify(flags)]);
    }
    if (changed.licences.size > 0) {
      const licences = [...changed.licences].map((id) => ({ licence_id: id, ...rows.licences.get(id)! }));
      await tx.query(
        `INSERT INTO ${s}.licences (licence_id, revision, fold, history)
         SELECT licence_id, revision, state, history FROM jsonb_to_recordset($1::jsonb) AS r(licence_id text, revision integer, state jsonb, history jsonb)
         ON CONFLICT (licence_id) DO UPDATE SET revision = EXCLUDED.revision, fold = EXCLUDED.fold, history = EXCLUDED.history`,
        [JSON.stringify(licences)],
      );
    }
    if (changed.holders.length > 0) {
      await tx.query(
        `INSERT INTO ${s}.licence_consignments (licence_id, consignment_id)
         SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
        [changed.holders.map(([licenceId]) => licenceId), changed.holders.map(([, consignmentId]) => consignmentId)],
      );
    }
    if (changed.mines.size > 0) {
      const mines = [...changed.mines].map((id) => ({ mine_id: id, ...rows.mines.get(id)! }));
      await tx.query(
        `INSERT INTO ${s}.mines (mine_id, revision, name, pending)
         SELECT mine_id, revision, name, pending FROM jsonb_to_recordset($1::jsonb) AS r(mine_id text, revision integer, name text, pending jsonb)
         ON CONFLICT (mine_id) DO UPDATE SET revision = EXCLUDED.revision, name = EXCLUDED.name, pending = EXCLUDED.pending`,
        [JSON.stringify(mines)],
      );
    }
  }

  async truncate(tx: EntityManager): Promise<void> {
    const s = this.schema;
    await tx.query(`TRUNCATE ${s}.consignments, ${s}.flags, ${s}.licence_consignments, ${s}.licences, ${s}.mines`);
  }
}
