/** Who a seed request is sent as: a role, an organisation for exporters, and a stable subject. */
export interface SeedActor {
  readonly role: 'exporter' | 'licensing-officer' | 'customs-agent' | 'auditor' | 'admin';
  readonly sub: string;
  readonly name: string;
  readonly org?: string;
}

export interface SeedResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * How the seed talks to the API: over HTTP to a running API (`npm run seed`), or through an
 * in-process test app. `idempotencyKey` makes a second run of the seed replay the first answers.
 */
export interface SeedClient {
  post(actor: SeedActor, path: string, body: object, idempotencyKey: string): Promise<SeedResponse>;
  get(actor: SeedActor, path: string, minPosition?: string): Promise<SeedResponse>;
}

/** A SeedClient over `fetch` against `baseUrl` (e.g. http://127.0.0.1:3000), signing a token per actor. */
export function httpSeedClient(baseUrl: string, tokenFor: (actor: SeedActor) => string): SeedClient {
  const call = async (method: string, actor: SeedActor, path: string, headers: Record<string, string>, body?: object) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokenFor(actor)}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return {
    post: (actor, path, body, idempotencyKey) => call('POST', actor, path, { 'idempotency-key': idempotencyKey }, body),
    get: (actor, path, minPosition) => call('GET', actor, path, minPosition ? { 'x-min-position': minPosition } : {}),
  };
}
