import { ApiProperty } from '@nestjs/swagger';
import { PRODUCT_ELEMENTS, PRODUCT_FORMS } from '@ree/shared-kernel';
import { CHANGE_KINDS } from '../../control-list/formats';

export class ControlEntryResponseDto {
  @ApiProperty({ example: '1C905.b' }) controlCode: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: PRODUCT_ELEMENTS, isArray: true }) elements: string[];
  @ApiProperty({ enum: PRODUCT_FORMS, isArray: true }) productForms: string[];
  @ApiProperty({ type: [String], description: 'As published: digits, dots allowed' }) referenceHsCodes: string[];
}

export class EntrySourceResponseDto {
  @ApiProperty({ example: 'MOFCOM/GACC Announcement No. 18 of 2025' }) number: string;
  @ApiProperty({ example: '2025-04-04' }) effectiveOn: string;
  @ApiProperty() textUrl: string;
}

export class EntryInForceResponseDto {
  @ApiProperty({ type: ControlEntryResponseDto }) entry: ControlEntryResponseDto;
  @ApiProperty({ type: EntrySourceResponseDto, description: 'The announcement that gave the entry its present wording' }) source: EntrySourceResponseDto;
}

export class ControlListResponseDto {
  @ApiProperty({ example: '2026-01-15', description: 'The day whose list this is' }) day: string;
  @ApiProperty({ type: [EntryInForceResponseDto] }) entries: EntryInForceResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: "The control-list projection's checkpoint: the version of the announcements folded" })
  listPosition: string | null;
}

export class ControlTargetResponseDto {
  @ApiProperty({ required: false }) announcement?: string;
  @ApiProperty({ required: false }) controlCode?: string;
}

export class ControlChangeResponseDto {
  @ApiProperty({ enum: CHANGE_KINDS }) kind: string;
  @ApiProperty({ type: ControlEntryResponseDto, required: false, description: 'add, amend' }) entry?: ControlEntryResponseDto;
  @ApiProperty({ required: false, description: 'remove' }) controlCode?: string;
  @ApiProperty({ type: ControlTargetResponseDto, required: false, description: 'suspend, lift' }) target?: ControlTargetResponseDto;
  @ApiProperty({ required: false, description: 'suspend' }) from?: string;
  @ApiProperty({ required: false, description: 'suspend (inclusive)' }) until?: string;
  @ApiProperty({ required: false, description: 'lift' }) on?: string;
}

export class ControlAnnouncementResponseDto {
  @ApiProperty({ format: 'uuid' }) announcementId: string;
  @ApiProperty() number: string;
  @ApiProperty() issuer: string;
  @ApiProperty({ example: '2025-04-04' }) publishedOn: string;
  @ApiProperty({ example: '2025-04-04' }) effectiveOn: string;
  @ApiProperty() textUrl: string;
  @ApiProperty({ type: [ControlChangeResponseDto] }) changes: ControlChangeResponseDto[];
  @ApiProperty({ enum: ['proposed', 'adopted', 'rejected'], description: 'Only adopted announcements count' }) status: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What of the published text was read, and where' }) citation: string | null;
  @ApiProperty({ description: "The proposer's sub (registry.reference-data for the published announcements taken in on first start)" }) proposedBy: string;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ type: String, nullable: true }) adoptedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
}

export class ControlListHistoryResponseDto {
  @ApiProperty({ type: [ControlAnnouncementResponseDto], description: 'In the order they take effect' }) announcements: ControlAnnouncementResponseDto[];
  @ApiProperty({ type: String, nullable: true }) listPosition: string | null;
}
