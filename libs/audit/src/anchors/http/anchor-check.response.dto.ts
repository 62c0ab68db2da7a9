import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FINDING_KINDS } from '../check/findings';
import { AnchorResponseDto } from './anchor.response.dto';

export class AnchorFindingResponseDto {
  @ApiProperty({ enum: FINDING_KINDS, description: 'What was found (docs/audit.md, "Checking an anchor against the store")' }) kind: string;
  @ApiPropertyOptional({ description: 'The stream it is about; absent for the anchor-wide kinds' }) streamId?: string;
  @ApiPropertyOptional({ description: 'The revision it is about: first missing, first broken, the changed head, the inserted or moved event' }) revision?: number;
  @ApiProperty({ description: 'One line for a person' }) detail: string;
  @ApiPropertyOptional() anchoredRevision?: number;
  @ApiPropertyOptional() anchoredHash?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) currentHash?: string | null;
  @ApiPropertyOptional({ description: 'Where the event sits now (event-inserted, event-moved)' }) position?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'log-changed: the interval starts after this position (null: the start)' }) fromPosition?: string | null;
  @ApiPropertyOptional({ description: 'log-changed: the interval ends at this position' }) toPosition?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The anchor the finding was measured against' }) anchorId?: string;
}

export class AnchorCheckResponseDto {
  @ApiProperty({ type: AnchorResponseDto }) anchor: AnchorResponseDto;
  @ApiProperty({ description: 'True when nothing was found: the store holds exactly what the anchor signed' }) consistent: boolean;
  @ApiProperty({ description: 'Streams the anchor covers' }) streams: number;
  @ApiProperty({ description: 'Events the store holds now up to the anchor position' }) events: number;
  @ApiProperty({ type: [AnchorFindingResponseDto] }) findings: AnchorFindingResponseDto[];
}

export class PublishedKeyResponseDto {
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the public key in DER SubjectPublicKeyInfo form; anchors name it' }) keyId: string;
  @ApiProperty({ description: 'Ed25519 public key, PEM (SubjectPublicKeyInfo)' }) publicKeyPem: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Anchors taken from then on (inclusive); null: from the start' }) validFrom: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Anchors taken before then; null: still signing' }) validUntil: string | null;
  @ApiProperty({ description: 'The key that signs anchors now' }) current: boolean;
}

export class PublishedKeysResponseDto {
  @ApiProperty({ type: [PublishedKeyResponseDto], description: 'The current key first, then the retired ones' }) keys: PublishedKeyResponseDto[];
}
