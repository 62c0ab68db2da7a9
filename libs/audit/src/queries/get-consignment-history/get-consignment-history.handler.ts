import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { APP_CONFIG } from '@ree/platform/config';
import { configuredFlagPolicy, type FlagPolicy, type FlagPolicyConfig, recordedAsOf } from '@ree/review';
import { RecordedEvent } from '@ree/shared-kernel';
import { readConsignmentStream, streamsDrawnOn } from '../../consignment-streams';
import { foldHistory } from '../../history/history-steps';
import { MalformedEvent, malformedMetadata } from '../../history/malformed-event';
import { GetConsignmentHistoryQuery } from './get-consignment-history.query';
import { ConsignmentHistoryResponseDto, HistoryEventResponseDto } from './get-consignment-history.response.dto';

/**
 * An event as the history shows it: the envelope flattened, the metadata's fields beside the others,
 * with the transaction id and the seal where the store has them, so that every hash can be
 * recomputed from the answer.
 */
export function historyEventOf(event: RecordedEvent): HistoryEventResponseDto {
  const { eventId, streamId, type, schemaVersion, revision, position, transactionId, recordedAt, data, metadata } = event;
  const { actor, correlationId, causationId, hash, prevHash, seal } = metadata;
  return {
    eventId, streamId, type, schemaVersion, revision, position, ...(transactionId !== undefined && { transactionId }), recordedAt,
    actor, correlationId, causationId, hash, prevHash, ...(seal !== undefined && { seal }), data,
  };
}

/**
 * Reads the consignment's stream and the streams it had drawn on within the limits (a licence
 * attached later is not yet one of them), straight from the event store, and merges them in the
 * store's global order. The events shown are `recordedAsOf` of that merge (`reviewAsOf`'s own
 * cut), and the steps and the state are the projection's fold, with its flag policy, over exactly
 * those events.
 */
@QueryHandler(GetConsignmentHistoryQuery)
export class GetConsignmentHistoryHandler implements IQueryHandler<GetConsignmentHistoryQuery, ConsignmentHistoryResponseDto> {
  private readonly policy: FlagPolicy;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: FlagPolicyConfig,
  ) {
    this.policy = configuredFlagPolicy(config);
  }

  async execute({ consignmentId, limits }: GetConsignmentHistoryQuery): Promise<ConsignmentHistoryResponseDto> {
    const own = await readConsignmentStream(this.store, consignmentId);
    const drawnOn = await Promise.all(streamsDrawnOn(recordedAsOf(own, limits)).map((streamId) => this.store.readStream(streamId)));
    const merged = [...own, ...drawnOn.flat()].sort((a, b) => this.store.comparePositions(a.position, b.position));
    const events = recordedAsOf(merged, limits);
    for (const event of events) {
      const malformed = malformedMetadata(event);
      if (malformed !== null) throw new MalformedEvent(consignmentId, event, malformed);
    }
    const { steps, state } = foldHistory(events, consignmentId, this.policy);
    return {
      consignmentId,
      asOf: limits.asOf === undefined ? null : new Date(limits.asOf).toISOString(),
      untilRevision: limits.untilRevision ?? null,
      events: events.map(historyEventOf),
      steps: steps.map((step) => ({ ...step, stages: { ...step.stages } })),
      state,
    };
  }
}
