import type { SeedActor, SeedClient, SeedResponse } from './seed-client';

/** What a seed run did: aggregates made, refusals met (by code), and anything that went otherwise than planned. */
export interface SeedReport {
  readonly created: Record<string, number>;
  readonly refused: Record<string, number>;
  readonly unexpected: string[];
}

/**
 * One seed run: every request names what it expects (a success, or a refusal with its code), so
 * the report shows both the living system it built and the rules it met on the way. The step
 * label is also the request's idempotency key, so running the seed twice changes nothing.
 */
export class SeedRun {
  readonly report: SeedReport = { created: {}, refused: {}, unexpected: [] };
  private lastPosition = '0';

  constructor(
    private readonly client: SeedClient,
    private readonly runLabel: string,
  ) {}

  /** A command expected to succeed; answers its `{id, revision, position}` (or null when it failed). */
  async ok(step: string, actor: SeedActor, path: string, body: object = {}, kind?: string): Promise<Record<string, unknown> | null> {
    const response = await this.send(step, actor, path, body);
    if (response.status < 200 || response.status >= 300) {
      this.report.unexpected.push(`${step}: expected success, got ${response.status} ${String(response.body.code ?? '')} ${String(response.body.detail ?? '')}`);
      return null;
    }
    if (kind) this.report.created[kind] = (this.report.created[kind] ?? 0) + 1;
    return response.body;
  }

  /** A command expected to be refused with `code` (docs/domain.md, "Rules"), changing nothing. */
  async refused(step: string, actor: SeedActor, path: string, body: object, code: string): Promise<void> {
    const response = await this.send(step, actor, path, body);
    if (response.body.code === code) this.report.refused[code] = (this.report.refused[code] ?? 0) + 1;
    else this.report.unexpected.push(`${step}: expected ${code}, got ${response.status} ${String(response.body.code ?? '')}`);
  }

  /**
   * Waits until a read of `path` shows what the system did by itself after this run's events (a
   * job's suspension, say), polling for up to `timeoutMs`; reported as unexpected when it never does.
   */
  async until(step: string, actor: SeedActor, path: string, holds: (body: Record<string, unknown>) => boolean, kind?: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await this.client.get(actor, path, this.lastPosition);
      if (response.status === 200 && holds(response.body)) {
        if (kind) this.report.created[kind] = (this.report.created[kind] ?? 0) + 1;
        return;
      }
      if (Date.now() > deadline) {
        this.report.unexpected.push(`${step}: not seen within ${timeoutMs} ms (last answer ${response.status})`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Waits until the read models have caught up with everything this run wrote. */
  async caughtUp(actor: SeedActor, path: string): Promise<SeedResponse> {
    return this.client.get(actor, path, this.lastPosition);
  }

  private async send(step: string, actor: SeedActor, path: string, body: object): Promise<SeedResponse> {
    const response = await this.client.post(actor, path, body, `${this.runLabel}:${step}`);
    const position = response.body.position;
    if (typeof position === 'string' && BigInt(position) > BigInt(this.lastPosition)) this.lastPosition = position;
    return response;
  }
}
