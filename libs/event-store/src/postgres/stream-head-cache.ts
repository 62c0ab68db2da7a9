import { StreamHead } from '../prepare-append';

/**
 * The last known head of recently used streams. History never changes, so a cached head can
 * only lag behind (another process appended since); an append built on a stale head fails on
 * the (stream_id, revision) unique constraint, and the adapter then forgets the entry and
 * re-reads. Absent streams are never cached. Bounded: the least recently used entry goes first.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    const head = this.heads.get(streamId);
    if (head) {
      this.heads.delete(streamId);
      this.heads.set(streamId, head);
    }
    return head;
  }

  /** Remembers `head` unless a later one is known already. */
  remember(streamId: string, head: StreamHead): void {
    const known = this.heads.get(streamId);
    if (known && known.revision >= head.revision) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
