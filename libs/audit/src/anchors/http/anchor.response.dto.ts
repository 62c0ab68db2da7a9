import { ApiProperty } from '@nestjs/swagger';

export class AnchorResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Names the stored anchor; not signed' }) id: string;
  @ApiProperty({ description: 'Merkle root (RFC 6962, SHA-256, hex) over every stream head', pattern: '^[0-9a-f]{64}$' }) root: string;
  @ApiProperty({ format: 'date-time', description: "The database's clock when the heads were read" }) takenAt: string;
  @ApiProperty({ description: 'Streams covered: the number of leaves' }) streams: number;
  @ApiProperty({ description: 'Events covered: every event of the global log up to lastPosition' }) events: number;
  @ApiProperty({ type: String, nullable: true, description: 'The last global position covered; null for an empty store' }) lastPosition: string | null;
  @ApiProperty({ description: 'SHA-256 (hex) of the signing public key in DER SubjectPublicKeyInfo form' }) keyId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    pattern: '^[0-9a-f]{64}$',
    description: 'Running SHA-256 over every event up to lastPosition in position order; null for anchors taken before the log was anchored',
  })
  logHash: string | null;
  @ApiProperty({ description: 'Ed25519 over the RFC 8785 JSON of {root, takenAt, streams, events, lastPosition, keyId, logHash} (without logHash when null), base64' })
  signature: string;
}

export class AnchorPageResponseDto {
  @ApiProperty({ type: [AnchorResponseDto] }) items: AnchorResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
