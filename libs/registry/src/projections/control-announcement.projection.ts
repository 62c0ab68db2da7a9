import { FoldingProjection, streamRows, type RowChange, type StreamBatch } from '@ree/event-store';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import { CONTROL_ANNOUNCEMENT_EVENT_TYPES, CONTROL_ANNOUNCEMENT_PROPOSED, type ControlAnnouncementEvent } from '../control-list/control-announcement.events';
import {
  type ControlAnnouncementState,
  type ControlAnnouncementStatus,
  evolveControlAnnouncement,
  initialControlAnnouncementState,
} from '../control-list/control-announcement.state';
import { controlAnnouncementStream } from '../control-list/control-announcement.stream';
import type { ControlChange } from '../control-list/control-list.state';

/** The projection name is also where the control list's readers read its position (`projections.checkpoints`). */
export const CONTROL_LIST_PROJECTION = 'registry.control-list';

/** One announcement as the read model keeps it: the decider's state, folded with `evolveControlAnnouncement`, and when it was proposed and decided. */
export interface ControlAnnouncementRow {
  readonly announcementId: string;
  readonly state: ControlAnnouncementState;
  readonly proposedAt: string | null;
  readonly decidedAt: string | null;
  /** The stream revision last folded: a replayed event is recognised by it. */
  readonly revision: number;
}

export const initialControlAnnouncementRow = (announcementId: string): ControlAnnouncementRow => ({
  announcementId,
  state: initialControlAnnouncementState(),
  proposedAt: null,
  decidedAt: null,
  revision: -1,
});

export function evolveControlAnnouncementRow(row: ControlAnnouncementRow, event: RecordedEvent & ControlAnnouncementEvent): ControlAnnouncementRow {
  const state = evolveControlAnnouncement(row.state, event);
  const at = event.type === CONTROL_ANNOUNCEMENT_PROPOSED ? { proposedAt: event.recordedAt } : { decidedAt: event.recordedAt };
  return { ...row, ...at, state, revision: event.revision };
}

interface AnnouncementColumns {
  announcement_id: string;
  number: string;
  issuer: string;
  published_on: string;
  effective_on: string;
  text_url: string;
  changes: ControlChange[];
  note: string | null;
  citation: string | null;
  status: ControlAnnouncementStatus;
  proposed_by: string;
  proposed_at: string;
  adopted_by: string | null;
  rejected_by: string | null;
  rejection_reason: string | null;
  decided_at: string | null;
  revision: number;
}

const TYPES: Record<keyof AnnouncementColumns, string> = {
  announcement_id: 'text', number: 'text', issuer: 'text', published_on: 'text', effective_on: 'text', text_url: 'text', changes: 'jsonb',
  note: 'text', citation: 'text', status: 'text', proposed_by: 'text', proposed_at: 'timestamptz', adopted_by: 'text', rejected_by: 'text',
  rejection_reason: 'text', decided_at: 'timestamptz', revision: 'integer',
};
export const CONTROL_ANNOUNCEMENT_COLUMNS = Object.keys(TYPES) as Array<keyof AnnouncementColumns>;
const UPSERT = `
  INSERT INTO registry.control_announcements (${CONTROL_ANNOUNCEMENT_COLUMNS.join(', ')})
  SELECT ${CONTROL_ANNOUNCEMENT_COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${CONTROL_ANNOUNCEMENT_COLUMNS.map((column) => `${column} ${TYPES[column]}`).join(', ')})
  ON CONFLICT (announcement_id) DO UPDATE SET ${CONTROL_ANNOUNCEMENT_COLUMNS.slice(1).map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export type ControlAnnouncementColumns = AnnouncementColumns;

function rowOf(columns: AnnouncementColumns): ControlAnnouncementRow {
  const { announcement_id: announcementId, number, issuer, published_on: publishedOn, effective_on: effectiveOn, text_url: textUrl, changes, note, citation } = columns;
  return {
    announcementId,
    state: {
      status: columns.status,
      proposal: { announcementId, number, issuer, publishedOn, effectiveOn, textUrl, changes, proposedBy: columns.proposed_by, note, citation },
      adoptedBy: columns.adopted_by,
      rejectedBy: columns.rejected_by,
      rejectionReason: columns.rejection_reason,
    },
    proposedAt: iso(columns.proposed_at),
    decidedAt: iso(columns.decided_at),
    revision: columns.revision,
  };
}

function columnsOf({ announcementId, state, proposedAt, decidedAt, revision }: ControlAnnouncementRow): AnnouncementColumns | null {
  const { proposal } = state;
  if (proposal === null || proposedAt === null) return null;
  return {
    announcement_id: announcementId, number: proposal.number, issuer: proposal.issuer, published_on: proposal.publishedOn, effective_on: proposal.effectiveOn,
    text_url: proposal.textUrl, changes: [...proposal.changes], note: proposal.note, citation: proposal.citation, status: state.status,
    proposed_by: proposal.proposedBy, proposed_at: proposedAt, adopted_by: state.adoptedBy, rejected_by: state.rejectedBy,
    rejection_reason: state.rejectionReason, decided_at: decidedAt, revision,
  };
}

const controlAnnouncementTables = {
  async load(announcementIds: readonly string[], tx: EntityManager): Promise<Map<string, ControlAnnouncementRow>> {
    const rows: AnnouncementColumns[] = await tx.query(
      `SELECT ${CONTROL_ANNOUNCEMENT_COLUMNS.join(', ')} FROM registry.control_announcements WHERE announcement_id = ANY($1::text[])`,
      [[...announcementIds]],
    );
    return new Map(rows.map((row) => [row.announcement_id, rowOf(row)]));
  },
  async save(changes: ReadonlyArray<RowChange<ControlAnnouncementRow>>, tx: EntityManager): Promise<void> {
    const rows = changes.map(({ after }) => columnsOf(after)).filter((row) => row !== null);
    if (rows.length > 0) await tx.query(UPSERT, [JSON.stringify(rows)]);
  },
  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE registry.control_announcements`);
  },
};

/**
 * The announcements taken in, adopted, pending or rejected, in the one shape of projections: a
 * batch loads the announcements its events name, folds them with the decider's
 * `evolveControlAnnouncement` and upserts them. The control list in force on a day is folded from
 * the adopted rows when it is read (`ControlListService`), not stored: a day is any day.
 */
export class ControlAnnouncementProjection extends FoldingProjection<StreamBatch<ControlAnnouncementRow>> {
  constructor() {
    super(
      streamRows({
        stream: controlAnnouncementStream,
        initial: initialControlAnnouncementRow,
        applied: (row, event) => event.revision <= row.revision,
        evolve: evolveControlAnnouncementRow,
        ...controlAnnouncementTables,
      }),
      { name: CONTROL_LIST_PROJECTION, eventTypes: CONTROL_ANNOUNCEMENT_EVENT_TYPES },
    );
  }
}
