import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@ree/platform/config';
import { ApiModule } from '../../api.module';
import { GLOBAL_PREFIX, UNPREFIXED_ROUTES } from '../configure-http';
import { createOpenApiDocument } from './openapi-document';

/** Where the document is kept in the repository, for clients to generate from and for review of its changes. */
export const OPENAPI_FILE = 'docs/openapi.json';

/** The document as written to {@link OPENAPI_FILE}: two-space JSON with a final newline. */
export const documentText = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

/**
 * The OpenAPI document of the API without a database, Redis or a listening port: Nest's preview
 * mode reads the modules and controllers but makes no provider. `npm run openapi` writes it.
 */
export async function openApiDocumentText(): Promise<string> {
  const app = await NestFactory.create(ApiModule.forRoot(loadConfig({ NODE_ENV: 'test' })), { preview: true, logger: false });
  try {
    app.setGlobalPrefix(GLOBAL_PREFIX, { exclude: UNPREFIXED_ROUTES });
    return documentText(createOpenApiDocument(app));
  } finally {
    await app.close();
  }
}
