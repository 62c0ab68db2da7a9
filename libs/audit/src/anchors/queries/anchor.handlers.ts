import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { decodeCursor, Page, pageOf } from '@ree/platform/http';
import { NotFound } from '@ree/shared-kernel';
import { DataSource } from 'typeorm';
import type { Anchor } from '../anchor';
import type { AnchorKeyring } from '../anchor-keyring';
import { ANCHOR_KEYRING } from '../anchor.providers';
import { AnchorCheck, checkAnchor } from '../check/anchor-check';
import { AnchorProofs } from '../anchor-proofs';
import { anchorRows } from '../anchor-store';
import type { EventProof } from '../event-proof';
import { CheckAnchorQuery, GetAnchorQuery, GetEventProofQuery, ListAnchorsQuery } from './anchor.queries';

@QueryHandler(ListAnchorsQuery)
export class ListAnchorsHandler implements IQueryHandler<ListAnchorsQuery, Page<Anchor>> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ limit, cursor }: ListAnchorsQuery): Promise<Page<Anchor>> {
    const after = decodeCursor(cursor, ['number']);
    const rows = await anchorRows.page(this.dataSource, limit + 1, after ? (after[0] as number) : undefined);
    return pageOf(rows, limit, (row) => row.anchor, (row) => [row.seq]);
  }
}

@QueryHandler(GetAnchorQuery)
export class GetAnchorHandler implements IQueryHandler<GetAnchorQuery, Anchor> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ anchorId }: GetAnchorQuery): Promise<Anchor> {
    const stored = anchorId === 'latest' ? await anchorRows.latest(this.dataSource) : await anchorRows.byId(this.dataSource, anchorId);
    if (stored) return stored.anchor;
    const notFound = new NotFound('Anchor', anchorId);
    if (anchorId === 'latest') notFound.message = 'No anchor has been taken yet: take one with POST /audit/anchors';
    throw notFound;
  }
}

@QueryHandler(GetEventProofQuery)
export class GetEventProofHandler implements IQueryHandler<GetEventProofQuery, EventProof> {
  constructor(private readonly proofs: AnchorProofs) {}

  execute({ eventId }: GetEventProofQuery): Promise<EventProof> {
    return this.proofs.proofFor(eventId);
  }
}

@QueryHandler(CheckAnchorQuery)
export class CheckAnchorHandler implements IQueryHandler<CheckAnchorQuery, AnchorCheck> {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ANCHOR_KEYRING) private readonly keyring: AnchorKeyring,
  ) {}

  execute({ anchorId }: CheckAnchorQuery): Promise<AnchorCheck> {
    return checkAnchor(this.dataSource, this.store, this.keyring.keys, anchorId);
  }
}
