import type { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { completeOperations } from './operation-contract';
import type { RouteFacts } from './route-facts';

const documentWith = (paths: OpenAPIObject['paths']): OpenAPIObject => ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths });
const refs = (responses: object) => Object.fromEntries(Object.entries(responses).map(([status, response]) => [status, (response as { $ref?: string }).$ref ?? 'inline']));

describe('completing each operation from its route', () => {
  const facts = new Map<string, RouteFacts>([
    ['Licences_approve', { isPublic: false, roles: ['licensing-officer'], uuidParams: new Set(['licenceId']), readsCommandContext: true }],
    ['Keys_publicKey', { isPublic: true, roles: [], uuidParams: new Set(), readsCommandContext: false }],
    ['Anchors_latest', { isPublic: false, roles: ['auditor', 'admin'], uuidParams: new Set(), readsCommandContext: false }],
    ['Anchors_take', { isPublic: false, roles: ['auditor', 'admin'], uuidParams: new Set(), readsCommandContext: false }],
  ]);

  it('gives a command on an existing resource its errors, headers, security and roles', () => {
    const document = documentWith({
      '/api/v1/licences/{licenceId}/approve': {
        post: {
          operationId: 'Licences_approve',
          summary: 'Approve a licence',
          parameters: [{ name: 'licenceId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: '' } },
        },
      },
    });
    completeOperations(document, facts);
    const operation = document.paths['/api/v1/licences/{licenceId}/approve'].post!;
    expect(Object.keys(operation.responses).map(Number)).toEqual([200, 400, 401, 403, 404, 408, 409, 412, 413, 414, 415, 422, 429, 431, 500, 503]);
    expect(refs(operation.responses)[409]).toBe('#/components/responses/Problem409');
    expect(operation.parameters).toEqual([
      { name: 'licenceId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: 'An id (UUID)' },
      { $ref: '#/components/parameters/CorrelationId' },
      { $ref: '#/components/parameters/IdempotencyKey' },
      { $ref: '#/components/parameters/IfMatch' },
    ]);
    expect(operation.responses[200]).toEqual({
      description: 'OK',
      headers: { 'X-Correlation-Id': { $ref: '#/components/headers/CorrelationId' }, 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } },
    });
    expect(operation.security).toEqual([{ bearer: [] }]);
    expect(operation.description).toBe('Approve a licence.\n\nRoles: licensing-officer.');
  });

  it('leaves a public read without security, 401 or 403, and keeps an error status the route declares itself', () => {
    const document = documentWith({
      '/api/v1/audit/public-key': { get: { operationId: 'Keys_publicKey', summary: 'The key', responses: { 200: { description: 'PEM' } } } },
      '/api/v1/audit/anchors/latest': { get: { operationId: 'Anchors_latest', summary: 'Latest', responses: { 200: { description: '' }, 404: { description: 'No anchor yet' } } } },
    });
    completeOperations(document, facts);
    const publicKey = document.paths['/api/v1/audit/public-key'].get!;
    expect(publicKey.security).toEqual([]);
    expect(Object.keys(publicKey.responses).map(Number)).toEqual([200, 400, 408, 414, 429, 431, 500, 503]);
    expect(publicKey.parameters).toEqual([{ $ref: '#/components/parameters/CorrelationId' }, { $ref: '#/components/parameters/MinPosition' }]);
    expect(publicKey.description).toBe('The key.\n\nPublic: no token needed.');
    const latest = document.paths['/api/v1/audit/anchors/latest'].get!;
    expect(refs(latest.responses)[404]).toBe('#/components/responses/Problem404');
  });

  it('declares If-Match and 412 only on a command that reads the command context', () => {
    const document = documentWith({ '/api/v1/audit/anchors': { post: { operationId: 'Anchors_take', summary: 'Take', responses: { 201: { description: '' } } } } });
    completeOperations(document, facts);
    const take = document.paths['/api/v1/audit/anchors'].post!;
    expect(Object.keys(take.responses).map(Number)).toEqual([201, 400, 401, 403, 408, 409, 413, 414, 415, 422, 429, 431, 500, 503]);
    expect(take.parameters).toEqual([{ $ref: '#/components/parameters/CorrelationId' }, { $ref: '#/components/parameters/IdempotencyKey' }]);
    expect(take.responses[201]).toEqual(expect.objectContaining({ headers: expect.objectContaining({ Location: { $ref: '#/components/headers/Location' } }) }));
  });

  it('refuses an operation no controller method answers', () => {
    const document = documentWith({ '/x': { get: { operationId: 'Nobody_home', responses: {} } } });
    expect(() => completeOperations(document, facts)).toThrow('No controller method for the operation GET /x (Nobody_home)');
  });
});
