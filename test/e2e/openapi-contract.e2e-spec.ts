import type { Role } from '@ree/platform/auth';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Middleware } from 'openapi-fetch';
import { documentText, OPENAPI_FILE } from '../../apps/api/src/http/openapi/document-file';
import { apiClient, Clients, refused, walkConsignmentToClose } from '../contract/consignment-client';
import { answerChecker, SeenAnswer } from '../support/openapi-responses';
import { ROUTE_ACCESS } from '../support/route-access';
import { routeOf } from '../support/routes';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const CONTRACT = join(ROOT, 'test', 'contract');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

interface Operation {
  readonly description?: string;
  readonly security?: ReadonlyArray<Record<string, unknown>>;
  readonly parameters?: ReadonlyArray<{ readonly $ref?: string; readonly in?: string; readonly schema?: { readonly format?: string } }>;
  readonly responses: Readonly<Record<string, { readonly $ref?: string }>>;
}
type Document = Parameters<typeof answerChecker>[0] & { readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>> };

/** Runs a command of node_modules/.bin; fails the test with its output when it fails. */
function run(command: string, args: string[]): void {
  const result = spawnSync(bin(command), args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The OpenAPI document is the contract of outside clients (docs/http-conventions.md): the one the
 * API serves is the one committed; it agrees with the route table on who may call what; types
 * generated from it with openapi-typescript (beside the repository's Redocly rules) are the ones
 * committed and type-check a client written with openapi-fetch; that client takes a consignment from
 * registration to close against the running API, and every answer it gets, 2xx or not, matches the
 * document: status, content type, body schema (the Problem schema for errors) and headers.
 */
describe('the OpenAPI document as a contract', () => {
  let app: TestApp;
  let document: Document;
  let baseUrl: string;
  const seen: SeenAnswer[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    await app.api.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.api.getHttpServer().address() as AddressInfo).port}`;
    document = (await app.http().get('/api/docs-json')).body;
  });
  afterAll(() => app.close());

  /** Keeps every answer a client gets, for the check against the document. */
  const observe: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      const text = await response.clone().text();
      const contentType = response.headers.get('content-type') ?? '';
      const body = contentType.includes('json') && text ? JSON.parse(text) : text;
      seen.push({ method: request.method, path: schemaPath, status: response.status, contentType, headers: new Map(response.headers), body });
      return undefined;
    },
  };
  const client = (role: Role, sub?: string) => apiClient(baseUrl, app.token(role, undefined, sub), observe);

  it('is served as committed in docs/openapi.json (after changing a route or a DTO, run npm run openapi)', () => {
    expect(documentText(document)).toBe(readFileSync(join(ROOT, OPENAPI_FILE), 'utf8'));
  });

  it('says for every route of the route table who may call it, and which errors and headers it has', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })));
    const documented = new Set(operations.map(({ key }) => key));
    const rows = Object.entries(ROUTE_ACCESS)
      .map(([key, access]) => ({ ...routeOf(key), access }))
      .map((route) => ({ ...route, key: `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}` }))
      .filter((route) => documented.has(route.key));
    // Every documented operation has a row; the rows left out are the probes, /metrics and the OpenAPI pages.
    expect(operations.map(({ key }) => key).filter((key) => !rows.some((row) => row.key === key))).toEqual([]);
    for (const { key, access, method, path } of rows) {
      const operation = operations.find((candidate) => candidate.key === key)!.operation;
      const statuses = Object.keys(operation.responses).map(Number);
      const errors = statuses.filter((status) => status >= 400);
      const expected = [400, 429, 500, 503, ...(access === 'public' ? [] : [401, 403]), ...(path.includes(':') ? [404] : []), ...(method === 'POST' ? [409, 413, 415, 422] : [])];
      expect({ key, missing: expected.filter((status) => !errors.includes(status)) }).toEqual({ key, missing: [] });
      expect({ key, errors: errors.filter((status) => operation.responses[status].$ref !== `#/components/responses/Problem${status}`) }).toEqual({ key, errors: [] });
      expect({ key, security: operation.security }).toEqual({ key, security: access === 'public' ? [] : [{ bearer: [] }] });
      expect(operation.description).toContain(access === 'public' ? 'Public: no token needed.' : `Roles: ${access.join(', ')}.`);
      const headers = (operation.parameters ?? []).map((parameter) => parameter.$ref?.split('/').pop());
      expect(headers).toEqual(expect.arrayContaining(['CorrelationId', ...(method === 'POST' ? ['IdempotencyKey'] : ['MinPosition'])]));
    }
  });

  it('generates types with openapi-typescript as committed, and a typed openapi-fetch client type-checks against them', () => {
    const directory = mkdtempSync(join(tmpdir(), 'openapi-contract-'));
    try {
      // Run from the repository, so that openapi-typescript applies redocly.yaml's rules to the document first.
      run('openapi-typescript', [OPENAPI_FILE, '--output', join(directory, 'api-schema.d.ts')]);
      const fresh = readFileSync(join(directory, 'api-schema.d.ts'), 'utf8');
      expect(fresh).toBe(readFileSync(join(CONTRACT, 'api-schema.d.ts'), 'utf8'));
      copyFileSync(join(CONTRACT, 'consignment-client.ts'), join(directory, 'consignment-client.ts'));
      symlinkSync(join(ROOT, 'node_modules'), join(directory, 'node_modules'), 'dir');
      const compilerOptions = { strict: true, noEmit: true, module: 'commonjs', moduleResolution: 'node10', target: 'ES2022', lib: ['ES2023', 'DOM'], esModuleInterop: true, skipLibCheck: true, types: ['node'] };
      writeFileSync(join(directory, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consignment-client.ts', 'api-schema.d.ts'] }));
      run('tsc', ['-p', directory]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('takes a consignment from registration to close with the typed client, reading refusals from typed problems', async () => {
    const suffix = randomUUID().slice(0, 8);
    const clients: Clients = {
      exporter: apiClient(baseUrl, app.token('exporter', `org-contract-${suffix}`), observe),
      officer: client('licensing-officer', 'officer-contract-wang'),
      countersigner: client('licensing-officer', 'officer-contract-li'),
      customs: client('customs-agent'),
    };
    const walk = await walkConsignmentToClose(clients, suffix);

    expect(walk.closed.id).toBe(walk.consignmentId);
    expect(walk.location).toBe(`/api/v1/consignments/${walk.consignmentId}`);
    expect(walk.licenceAfterRelease).toMatchObject({ licenceId: walk.licenceId, status: 'exhausted', shippedKg: 12000 });
    expect([walk.invalidQuantity.status, walk.invalidQuantity.problem.code, walk.invalidQuantity.problem.errors?.map((error) => error.field)]).toEqual([400, 'validation-failed', ['quantityKg']]);
    expect([walk.staleWrite.status, walk.staleWrite.problem.code]).toEqual([412, 'precondition-failed']);
    expect([walk.earlyClose.status, walk.earlyClose.problem.code]).toEqual([422, 'invalid-transition']);
  });

  it('answers without a token, to another role and for an unknown id as the document says', async () => {
    const stranger = apiClient(baseUrl, 'not-a-token', observe);
    const licence = { params: { path: { licenceId: randomUUID() } } };
    expect(refused(await stranger.GET('/api/v1/licences/{licenceId}', licence)).problem.code).toBe('unauthenticated');
    expect(refused(await client('exporter').POST('/api/v1/licences/{licenceId}/issue', licence)).problem.code).toBe('forbidden-for-role');
    expect(refused(await client('auditor').GET('/api/v1/licences/{licenceId}', licence)).problem.code).toBe('not-found');
    const key = await stranger.GET('/api/v1/audit/public-key', { parseAs: 'text' });
    expect(key.response.status).toBe(200);
  });

  it('got only answers the document declares: 2xx bodies valid against their schemas, errors against Problem', () => {
    const check = answerChecker(document);
    expect(seen.flatMap(check)).toEqual([]);
    expect(seen.filter((answer) => answer.status >= 400).length).toBeGreaterThanOrEqual(6);
    expect(seen.length).toBeGreaterThanOrEqual(25);
  });
});
