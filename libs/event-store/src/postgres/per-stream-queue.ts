/**
 * Runs the appends of one store instance to one stream one after the other, in call order;
 * appends to different streams run side by side. Writers of one process then never race each
 * other for a stream's next revision (each finds the head its predecessor cached, and inserts at
 * once), so a burst on one stream costs one round trip per append instead of a storm of lost
 * races and retries; only writers in other processes still race, and back off
 * (see `AnyRetryPolicy`).
 */
export class PerStreamQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    const running = previous.then(work);
    const tail = running.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    return running;
  }

  /** Streams with an append running or waiting (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
