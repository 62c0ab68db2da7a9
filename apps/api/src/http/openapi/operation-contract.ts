import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { STATUS_CODES } from 'node:http';
import { ERROR_STATUSES, problemResponse, problemResponseName } from './problem-components';
import type { RouteFacts } from './route-facts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Error statuses any operation can answer: bad input or headers, headers too slow, the rate limit, an oversized URL or headers, faults, unavailability. */
const ALWAYS = [400, 408, 414, 429, 431, 500, 503];
/** Statuses of every command (POST): a body over 1 MB, one not JSON, a concurrent write, a refused rule or a reused key. */
const COMMAND = [409, 413, 415, 422];

/**
 * Completes each operation from what the API does to every request (docs/http-conventions.md),
 * derived from its method, its path parameters and the facts of its guards and pipes, so that a
 * route added anywhere is described like the others: its error responses (each a Problem), the
 * convention headers it reads and sends, its security, and a description naming who may call it.
 */
export function completeOperations(document: OpenAPIObject, facts: ReadonlyMap<string, RouteFacts>): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = facts.get(operation.operationId ?? '');
      if (!route) throw new Error(`No controller method for the operation ${method.toUpperCase()} ${path} (${operation.operationId})`);
      describeParameters(operation, method, route);
      describeResponses(operation, method, path.includes('{'), route);
      operation.security = route.isPublic ? [] : [{ bearer: [] }];
      operation.summary ??= operation.operationId;
      operation.description = [operation.description ?? `${operation.summary}.`, accessOf(route)].join('\n\n');
    }
  }
}

function accessOf(route: RouteFacts): string {
  if (route.isPublic) return 'Public: no token needed.';
  return route.roles.length ? `Roles: ${route.roles.join(', ')}.` : 'Open to no role.';
}

const ref = (kind: string, name: string): ReferenceObject => ({ $ref: `#/components/${kind}/${name}` });

function describeParameters(operation: OperationObject, method: string, route: RouteFacts): void {
  const parameters = (operation.parameters ?? []) as Array<ParameterObject | ReferenceObject>;
  for (const parameter of parameters) {
    if ('$ref' in parameter || parameter.in !== 'path') continue;
    if (route.uuidParams.has(parameter.name)) parameter.schema = { type: 'string', format: 'uuid' };
    parameter.description ??= route.uuidParams.has(parameter.name) ? 'An id (UUID)' : `The ${parameter.name}`;
  }
  const headers = [ref('parameters', 'CorrelationId')];
  if (method === 'get') headers.push(ref('parameters', 'MinPosition'));
  if (method === 'post') headers.push(ref('parameters', 'IdempotencyKey'));
  if (method === 'post' && route.readsCommandContext) headers.push(ref('parameters', 'IfMatch'));
  operation.parameters = [...parameters, ...headers];
}

function describeResponses(operation: OperationObject, method: string, hasPathParams: boolean, route: RouteFacts): void {
  const statuses = new Set(ALWAYS);
  if (!route.isPublic) [401, 403].forEach((status) => statuses.add(status));
  if (hasPathParams) statuses.add(404);
  if (method === 'post') COMMAND.forEach((status) => statuses.add(status));
  // A command that reads If-Match: a revision the resource is not at (a new one is at none) is refused.
  if (method === 'post' && route.readsCommandContext) statuses.add(412);
  for (const [status, response] of Object.entries(operation.responses)) {
    // An error a route declares by hand (a 404 without path parameters) gets the shared Problem response too.
    if (Number(status) >= 400) statuses.add(Number(status));
    else if (response && !('$ref' in response)) describeSuccess(response as ResponseObject, Number(status), method);
  }
  for (const status of [...statuses].sort((a, b) => a - b)) {
    operation.responses[status] = ERROR_STATUSES.has(status) ? ref('responses', problemResponseName(status)) : problemResponse(status);
  }
}

function describeSuccess(response: ResponseObject, status: number, method: string): void {
  response.description ||= STATUS_CODES[status] ?? 'Success';
  const headers: Record<string, ReferenceObject> = { 'X-Correlation-Id': ref('headers', 'CorrelationId') };
  if (status === 201) headers.Location = ref('headers', 'Location');
  if (method === 'post') headers['Idempotent-Replayed'] = ref('headers', 'IdempotentReplayed');
  if (method === 'get') headers['X-Stale'] = ref('headers', 'Stale');
  response.headers = { ...response.headers, ...headers };
}
