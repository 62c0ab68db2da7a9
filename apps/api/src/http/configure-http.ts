import { BadRequestException, INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@ree/platform/config';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { answerClientErrors } from './client-errors';
import { correlationIdOf } from './correlation';
import { createOpenApiDocument } from './openapi/openapi-document';
import { findForbiddenKey } from './forbidden-keys';
import { limitUrlLength, refuseForbiddenQueryCharacters, requireJsonBodies, verifyJsonBody } from './input-limits';
import { forbiddenKeyFailure } from './validation';

export const GLOBAL_PREFIX = 'api/v1';
export const BODY_LIMIT = '1mb';
export const SWAGGER_UI_PATH = 'api/docs';
/** Served outside {@link GLOBAL_PREFIX}: the probes and the metrics scraper. */
export const UNPREFIXED_ROUTES = ['health', 'health/{*path}', 'metrics'];

/**
 * What must be set on the application instance itself, before `init()` or `listen()`: the base
 * path (probes and the metrics scraper stay outside it), security headers, the input limits of
 * docs/decisions.md 32 (431 and 414 for oversized requests, 415 for bodies that are not JSON, a
 * JSON body parser limited to 1 MB that refuses deep nesting, duplicate keys and control
 * characters), and the OpenAPI document. Pair with {@link HttpConventionsModule}.
 */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  answerClientErrors(express.getHttpServer());
  express.set('trust proxy', false);
  express.disable('x-powered-by');
  express.use((request: Request, response: Response, next: NextFunction) => {
    correlationIdOf(request, response);
    next();
  });
  express.use(securityHeaders());
  express.use(limitUrlLength);
  express.use(requireJsonBodies);
  express.useBodyParser('json', { limit: BODY_LIMIT, verify: verifyJsonBody });
  express.use(nameMalformedJson);
  express.use(refuseForbiddenQueryCharacters);
  express.use(refuseForbiddenKeys);
  express.setGlobalPrefix(GLOBAL_PREFIX, { exclude: UNPREFIXED_ROUTES });
  const document = createOpenApiDocument(app);
  SwaggerModule.setup(SWAGGER_UI_PATH, app, document, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: `REE export control (${config.nodeEnv})` });
}

/**
 * helmet's headers everywhere, with its strict Content-Security-Policy; the Swagger UI's page and
 * assets get the same policy without `upgrade-insecure-requests`, which made a browser fetch the
 * UI's scripts over https from any host but localhost and show a blank page (docs/decisions.md, 33).
 */
function securityHeaders(): (request: Request, response: Response, next: NextFunction) => void {
  const strict = helmet();
  const swaggerUi = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  const uiPath = `/${SWAGGER_UI_PATH}`;
  return (request, response, next) => {
    const isSwaggerUi = request.path === uiPath || request.path.startsWith(`${uiPath}/`);
    (isSwaggerUi ? swaggerUi : strict)(request, response, next);
  };
}

/**
 * Nest would turn body-parser's SyntaxError into an anonymous 400; this keeps its meaning as
 * `malformed-json`. Other body-parser errors (413 and the like) pass on to the problem filter.
 */
function nameMalformedJson(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const parseFailed = (error as { type?: unknown } | null)?.type === 'entity.parse.failed';
  next(parseFailed ? new BadRequestException({ code: 'malformed-json', detail: 'The request body is not valid JSON' }) : error);
}

/**
 * Refuses `__proto__`, `constructor` and `prototype` keys in any parsed body before a handler,
 * a merge or class-transformer can meet them; the global pipe checks again for DTO arguments.
 */
function refuseForbiddenKeys(request: Request, _response: Response, next: NextFunction): void {
  const forbidden = findForbiddenKey(request.body);
  next(forbidden ? forbiddenKeyFailure(forbidden) : undefined);
}
