import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CONTROL_ANNOUNCEMENT_COLUMNS, CONTROL_LIST_PROJECTION, type ControlAnnouncementColumns } from '../projections/control-announcement.projection';
import { ControlListReader, type ControlListOnDay } from './control-list.reader';
import { type ControlAnnouncement, controlListOn } from './control-list.state';

/** One announcement as the history shows it. */
export interface ControlAnnouncementRecord extends ControlAnnouncement {
  readonly announcementId: string;
  readonly status: 'proposed' | 'adopted' | 'rejected';
  readonly note: string | null;
  readonly citation: string | null;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly adoptedBy: string | null;
  readonly rejectedBy: string | null;
  readonly rejectionReason: string | null;
  readonly decidedAt: string | null;
}

const announcementOf = (row: ControlAnnouncementColumns): ControlAnnouncement => ({
  number: row.number,
  issuer: row.issuer,
  publishedOn: row.published_on,
  effectiveOn: row.effective_on,
  textUrl: row.text_url,
  changes: row.changes,
});

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * The registry's side of the `ControlListReader` port, and the history of the announcements:
 * reads the adopted announcements and the control-list projection's checkpoint in one REPEATABLE
 * READ transaction (as screening does), so the position says exactly which announcements were
 * folded, and folds them with `controlListOn` for the day asked.
 */
@Injectable()
export class ControlListService extends ControlListReader {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async listOn(day: string): Promise<ControlListOnDay> {
    const { rows, listPosition } = await this.dataSource.transaction('REPEATABLE READ', async (tx) => ({
      listPosition: await this.listPosition(tx),
      rows: (await tx.query(
        `SELECT ${CONTROL_ANNOUNCEMENT_COLUMNS.join(', ')} FROM registry.control_announcements WHERE status = 'adopted' AND effective_on <= $1`,
        [day],
      )) as ControlAnnouncementColumns[],
    }));
    return { day, entries: controlListOn(rows.map(announcementOf), day), listPosition };
  }

  /** Every announcement taken in, adopted, pending or rejected, in the order they take effect, with the list's position. */
  async history(): Promise<{ announcements: ControlAnnouncementRecord[]; listPosition: string | null }> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const listPosition = await this.listPosition(tx);
      const rows: ControlAnnouncementColumns[] = await tx.query(
        `SELECT ${CONTROL_ANNOUNCEMENT_COLUMNS.join(', ')} FROM registry.control_announcements ORDER BY effective_on, published_on, number, announcement_id`,
      );
      const announcements = rows.map((row) => ({
        announcementId: row.announcement_id,
        ...announcementOf(row),
        status: row.status as ControlAnnouncementRecord['status'],
        note: row.note,
        citation: row.citation,
        proposedBy: row.proposed_by,
        proposedAt: iso(row.proposed_at)!,
        adoptedBy: row.adopted_by,
        rejectedBy: row.rejected_by,
        rejectionReason: row.rejection_reason,
        decidedAt: iso(row.decided_at),
      }));
      return { announcements, listPosition };
    });
  }

  private async listPosition(tx: EntityManager): Promise<string | null> {
    const rows: Array<{ checkpoint: string | null }> = await tx.query(`SELECT checkpoint FROM projections.checkpoints WHERE name = $1`, [CONTROL_LIST_PROJECTION]);
    return rows[0]?.checkpoint ?? null;
  }
}
