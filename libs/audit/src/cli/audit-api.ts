import { CliError } from './cli-errors';

type QueryValue = string | number | undefined;

/**
 * The API as the command line sees it: GETs (and the POSTs that only compute, such as an
 * anchor's check) under `/api/v1` with the auditor's bearer token.
 * A problem+json answer becomes a `CliError` with its status, code and detail. The token is asked
 * for at the first request, so that commands that work offline never need one.
 */
export class AuditApi {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token: string | (() => string),
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  get<T>(path: string, query: Readonly<Record<string, QueryValue>> = {}): Promise<T> {
    return this.request<T>('GET', path, query);
  }

  /** A POST without a body. */
  post<T>(path: string): Promise<T> {
    return this.request<T>('POST', path, {});
  }

  private async request<T>(method: 'GET' | 'POST', path: string, query: Readonly<Record<string, QueryValue>>): Promise<T> {
    const parameters = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) parameters.set(name, String(value));
    const search = parameters.toString() === '' ? '' : `?${parameters}`;
    const url = `${this.baseUrl}/api/v1${path}${search}`;
    let response: Response;
    try {
      response = await fetch(url, { method, headers: { authorization: `Bearer ${typeof this.token === 'string' ? this.token : this.token()}`, accept: 'application/json' } });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new CliError(`Cannot reach the API at ${this.baseUrl} (${cause}); set API_URL, or start it with npm start`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const problem = (body ?? {}) as { code?: string; detail?: string; errors?: Array<{ field: string; message: string }> };
      const fields = (problem.errors ?? []).map((error) => `\n  ${error.field}: ${error.message}`).join('');
      throw new CliError(`${method} ${path}${search} answered ${response.status} ${problem.code ?? response.statusText}: ${problem.detail ?? ''}${fields}`);
    }
    return body as T;
  }
}
