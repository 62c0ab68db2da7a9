import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_PROOF_FORMAT } from '../event-proof';
import { AnchorResponseDto } from './anchor.response.dto';

export class ProofActorResponseDto {
  @ApiProperty() sub: string;
  @ApiProperty() role: string;
  @ApiPropertyOptional() org?: string;
  @ApiPropertyOptional() name?: string;
}

export class ProvenEventMetadataResponseDto {
  @ApiProperty({ type: ProofActorResponseDto }) actor: ProofActorResponseDto;
  @ApiProperty({ format: 'uuid' }) correlationId: string;
  @ApiProperty({ type: String, nullable: true }) causationId: string | null;
  @ApiProperty() prevHash: string;
  @ApiProperty({ description: 'SHA-256 over prevHash and the canonical JSON of the whole envelope but this' }) hash: string;
}

export class ProvenEventResponseDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() type: string;
  @ApiProperty() schemaVersion: number;
  @ApiProperty() streamId: string;
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'The global position, a decimal string' }) position: string;
  @ApiPropertyOptional({ description: "The writer's transaction id, a decimal string (PostgreSQL)" }) transactionId?: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As stored (not upcast): the form the hash covers' }) data: unknown;
  @ApiProperty({ type: ProvenEventMetadataResponseDto, description: 'Every key is hashed but hash itself' }) metadata: ProvenEventMetadataResponseDto;
}

export class ProofLeafResponseDto {
  @ApiProperty() streamId: string;
  @ApiProperty() revision: number;
  @ApiProperty() headHash: string;
  @ApiProperty({ description: 'Position of the leaf in the tree (0-based)' }) index: number;
}

export class EventProofResponseDto {
  @ApiProperty({ enum: [EVENT_PROOF_FORMAT] }) format: string;
  @ApiProperty({ type: ProvenEventResponseDto }) event: ProvenEventResponseDto;
  @ApiProperty({ type: [ProvenEventResponseDto], description: "The stream's events after this one up to the anchored head" })
  laterEvents: ProvenEventResponseDto[];
  @ApiProperty({ type: ProofLeafResponseDto }) leaf: ProofLeafResponseDto;
  @ApiProperty({ type: [String], description: 'Sibling hashes from the leaf up to the root (RFC 6962 audit path)' }) auditPath: string[];
  @ApiProperty({ type: AnchorResponseDto }) anchor: AnchorResponseDto;
}
