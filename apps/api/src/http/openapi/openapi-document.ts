import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { completeOperations } from './operation-contract';
import { CONVENTION_HEADERS, CONVENTION_PARAMETERS, PROBLEM_SCHEMAS, problemResponses } from './problem-components';
import { routeFactsOf } from './route-facts';
import { applyValidatorFacets } from './validator-facets';

/** What each tag groups; a tag missing here is described by its name. */
const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  mines: 'Mines and their annual quotas',
  'restricted-parties': 'The restricted-party list and name screening',
  licences: 'Export licences: application, decision, suspension',
  consignments: 'Consignments from registration to close: sources, processing, licence, shipment, end use',
  review: 'The review document, the search, red flags and statistics',
  audit: 'History, integrity checks, anchors and proofs',
  admin: 'Projections and jobs',
};

/**
 * The OpenAPI document of the API: a contract outside clients can generate from
 * (docs/http-conventions.md). @nestjs/swagger reads the controllers; the limits come from the
 * validators themselves; every operation is then completed from its guards and pipes. Needs only
 * the application's modules, not its connections: `scripts/openapi.js` builds it in preview mode.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  applyValidatorFacets();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rare-earth export control')
      .setDescription(
        'Tracks rare-earth export consignments from the mine to the end user. Every error is application/problem+json (the Problem schema). ' +
          'Conventions (authentication, errors, Idempotency-Key, If-Match, X-Min-Position, rate limits): docs/http-conventions.md',
      )
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
      .addServer('/', 'The host that serves this document')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A JWT carrying `sub`, `role` (and `org` for exporters)' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
  );
  document.info.contact = { name: 'REE export control' };
  completeOperations(document, routeFactsOf(app));
  addComponents(document);
  withoutDefaultsOnOptionalInputs(document);
  document.tags = usedTags(document).map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? `Operations on ${name}` }));
  return document;
}

function addComponents(document: OpenAPIObject): void {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, ...PROBLEM_SCHEMAS };
  components.responses = { ...components.responses, ...problemResponses() };
  components.headers = { ...components.headers, ...CONVENTION_HEADERS };
  components.parameters = { ...components.parameters, ...CONVENTION_PARAMETERS };
}

function usedTags(document: OpenAPIObject): string[] {
  const operations = Object.values(document.paths).flatMap((item) => Object.values(item) as Array<{ tags?: string[] }>);
  return [...new Set(operations.flatMap((operation) => operation.tags ?? []))].sort();
}

/**
 * A `default` on an optional request field says what the API assumes when it is left out; code
 * generators (openapi-typescript) read it as "always present" and make the field required. Such
 * defaults move into the description of every schema a request body uses.
 */
function withoutDefaultsOnOptionalInputs(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  const seen = new Set<string>();
  const visit = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object') return;
    const { $ref } = schema as { $ref?: string };
    if ($ref) {
      const name = $ref.split('/').pop()!;
      if (seen.has(name)) return;
      seen.add(name);
      visit(schemas[name]);
      return;
    }
    const object = schema as SchemaObject;
    for (const [name, property] of Object.entries(object.properties ?? {}) as Array<[string, SchemaObject]>) {
      if (!object.required?.includes(name) && property.default !== undefined) {
        property.description = [property.description, `When left out: ${JSON.stringify(property.default)}`].filter(Boolean).join('. ');
        delete property.default;
      }
      visit(property);
    }
    [object.items, ...(object.allOf ?? []), ...(object.oneOf ?? []), ...(object.anyOf ?? [])].forEach(visit);
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Array<{ requestBody?: { content?: Record<string, { schema?: unknown }> } }>) {
      Object.values(operation.requestBody?.content ?? {}).forEach((media) => visit(media.schema));
    }
  }
}
