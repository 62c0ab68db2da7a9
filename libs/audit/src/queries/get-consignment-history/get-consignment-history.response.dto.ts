import { ApiProperty } from '@nestjs/swagger';

const STAGE_STATUSES = ['pending', 'done', 'blocked', 'flagged'];

export class HistoryActorResponseDto {
  @ApiProperty() sub: string;
  @ApiProperty() role: string;
  @ApiProperty({ required: false }) org?: string;
  @ApiProperty({ required: false }) name?: string;
}

/** One stored event with its whole envelope (docs/api.md, "Audit"). */
export class HistoryEventResponseDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'licence-6f1c2b7e-…' }) streamId: string;
  @ApiProperty() type: string;
  @ApiProperty() schemaVersion: number;
  @ApiProperty({ description: '0-based, within its stream' }) revision: number;
  @ApiProperty({ description: 'Global position, a decimal string; compare, never subtract' }) position: string;
  @ApiProperty({ required: false, description: "The writer's transaction id, a decimal string (PostgreSQL); the hash covers it" }) transactionId?: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: HistoryActorResponseDto }) actor: HistoryActorResponseDto;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: String, nullable: true }) causationId: string | null;
  @ApiProperty({ description: 'SHA-256 over prevHash and the canonical JSON of the whole envelope but hash and seal (docs/operations.md, "The hash chain")' }) hash: string;
  @ApiProperty({ description: 'The hash of the event before it in its stream; 64 zeros for revision 0' }) prevHash: string;
  @ApiProperty({ required: false, description: "<key id>:<HMAC-SHA-256 of hash> with the service's key; checked by the integrity route" }) seal?: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: unknown;
}

export class HistoryStagesResponseDto {
  @ApiProperty({ enum: STAGE_STATUSES }) mining: string;
  @ApiProperty({ enum: STAGE_STATUSES }) processing: string;
  @ApiProperty({ enum: STAGE_STATUSES }) licence: string;
  @ApiProperty({ enum: STAGE_STATUSES }) endUse: string;
  @ApiProperty({ enum: STAGE_STATUSES }) shipment: string;
  @ApiProperty({ enum: STAGE_STATUSES }) verification: string;
}

/** The review document's status and stages right after one event: what a reviewer saw then. */
export class HistoryStepResponseDto {
  @ApiProperty({ description: 'The position of the event this step follows' }) position: string;
  @ApiProperty({ type: String, nullable: true, description: "The consignment's status; null before its registration" }) status: string | null;
  @ApiProperty({ type: HistoryStagesResponseDto }) stages: HistoryStagesResponseDto;
  @ApiProperty({ type: String, nullable: true, description: "The review timeline's line for the event; null for one the timeline leaves out (a mine's registration and quotas, another consignment's draw)" })
  summary: string | null;
}

export class ConsignmentHistoryResponseDto {
  @ApiProperty({ format: 'uuid' }) consignmentId: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The instant asked for, normalised to UTC' }) asOf: string | null;
  @ApiProperty({ type: Number, nullable: true }) untilRevision: number | null;
  @ApiProperty({ type: [HistoryEventResponseDto], description: "The consignment's events and those of its licence and mines, in global order, within the limits" })
  events: HistoryEventResponseDto[];
  @ApiProperty({ type: [HistoryStepResponseDto], description: 'steps[i] is the state after events[i], by the same fold' })
  steps: HistoryStepResponseDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The review document (GET /consignments/{id}/review) folded from exactly these events, by the projection\'s fold',
  })
  state: unknown;
}
