import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ControlChange } from '../control-list/control-list.state';

/** An announcement taken in (proposed, adopted or rejected), with its changes as published. */
@Entity({ schema: 'registry', name: 'control_announcements' })
export class ControlAnnouncementReadModel {
  @PrimaryColumn({ name: 'announcement_id', type: 'text' }) announcementId: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'text' }) issuer: string;
  @Column({ name: 'published_on', type: 'text' }) publishedOn: string;
  @Column({ name: 'effective_on', type: 'text' }) effectiveOn: string;
  @Column({ name: 'text_url', type: 'text' }) textUrl: string;
  @Column({ type: 'jsonb' }) changes: ControlChange[];
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text', nullable: true }) citation: string | null;
  @Column({ type: 'text' }) status: 'proposed' | 'adopted' | 'rejected';
  @Column({ name: 'proposed_by', type: 'text' }) proposedBy: string;
  @Column({ name: 'proposed_at', type: 'timestamptz' }) proposedAt: Date;
  @Column({ name: 'adopted_by', type: 'text', nullable: true }) adoptedBy: string | null;
  @Column({ name: 'rejected_by', type: 'text', nullable: true }) rejectedBy: string | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'integer' }) revision: number;
}
