import type { ReadModelPositionsPort } from '@ree/platform/http';

/** A read model whose position the test moves by hand. */
export class FakeReadModelPositions implements ReadModelPositionsPort {
  current = 0n;
  private readonly waiters = new Set<() => void>();

  async reached(position: string): Promise<boolean> {
    return this.current >= BigInt(position);
  }

  waitFor(position: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.current < BigInt(position)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  advanceTo(position: bigint): void {
    this.current = position;
    for (const waiter of [...this.waiters]) waiter();
  }
}
