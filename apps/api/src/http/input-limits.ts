import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { forbiddenCharacterIn, JsonRefusal, MAX_JSON_DEPTH, scanJson } from './json-guard';
import { ValidationFailed } from './validation';

/** The longest request target (path and query) the API reads, in bytes (docs/decisions.md, 32). */
export const MAX_URL_BYTES = 8 * 1024;

/** A body in any media type but JSON: 415, before a parser or a handler sees it. A POST without a body (or `Content-Length: 0`) needs no type. */
export function requireJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  const empty = request.headers['transfer-encoding'] === undefined && Number(request.headers['content-length'] ?? 0) === 0;
  if (!empty && request.is('application/json') === false) {
    next(
      new HttpException(
        { code: 'unsupported-media-type', detail: `Request bodies must be JSON (Content-Type: application/json), not ${(request.headers['content-type'] ?? 'untyped').slice(0, 100)}` },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      ),
    );
    return;
  }
  next();
}

/** A request target over {@link MAX_URL_BYTES}: 414, before routing. (Past Node's 16 KB header section it is 431; see client-errors.ts.) */
export function limitUrlLength(request: Request, _response: Response, next: NextFunction): void {
  if (Buffer.byteLength(request.originalUrl) <= MAX_URL_BYTES) return next();
  next(new HttpException({ code: 'uri-too-long', detail: `The request target is longer than ${MAX_URL_BYTES} bytes` }, HttpStatus.URI_TOO_LONG));
}

/** Refused characters in a query parameter's name or value: 400 naming the parameter. */
export function refuseForbiddenQueryCharacters(request: Request, _response: Response, next: NextFunction): void {
  const query = request.query as Record<string, unknown>;
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    const character = forbiddenCharacterIn(name) ?? values.map((text) => (typeof text === 'string' ? forbiddenCharacterIn(text) : undefined)).find(Boolean);
    if (character) {
      const field = forbiddenCharacterIn(name) ? JSON.stringify(name) : name;
      return next(new ValidationFailed([{ field, message: `${field} holds a character that is not allowed (${character})` }]));
    }
  }
  next();
}

/**
 * body-parser's `verify` hook for JSON: it sees the raw bytes before `JSON.parse` and refuses text
 * that is not UTF-8, nesting past {@link MAX_JSON_DEPTH}, duplicate keys and refused characters.
 * What it throws reaches the problem filter as it is (body-parser keeps the error's 400).
 */
export function verifyJsonBody(_request: IncomingMessage, _response: unknown, body: Buffer, encoding: string): void {
  let text: string;
  try {
    text = new TextDecoder(encoding || 'utf-8', { fatal: true }).decode(body);
  } catch {
    throw new BadRequestException({ code: 'malformed-json', detail: `The request body is not valid ${encoding || 'utf-8'} text` });
  }
  const refusal = scanJson(text);
  if (refusal) throw refusalError(refusal);
}

function refusalError(refusal: JsonRefusal): HttpException {
  switch (refusal.kind) {
    case 'too-deep':
      return new BadRequestException({
        code: 'json-too-deep',
        detail: `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep (at ${refusal.field})`,
      });
    case 'duplicate-key':
      return new ValidationFailed([{ field: refusal.field, message: `${refusal.field} appears more than once in its object` }]);
    case 'forbidden-character':
      return new ValidationFailed([{ field: refusal.field, message: `${refusal.field} holds a character that is not allowed (${refusal.character})` }]);
  }
}
