import { Injectable, NestMiddleware } from '@nestjs/common';
import type { RequestWithContext } from '@ree/platform/http';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;

type ContextRequest = IncomingMessage & Partial<RequestWithContext>;

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it is acceptable (≤ 100 of
 * `[A-Za-z0-9._:-]`, so that it cannot forge log lines), a new UUID otherwise. The first call
 * decides and stamps the request, its arrival time and the response header; later calls agree.
 * Its signature is pino-http's `genReqId`, so the logger and the API use one id.
 */
export function correlationIdOf(request: IncomingMessage, response?: ServerResponse): string {
  const req = request as ContextRequest;
  if (!req.correlationId) {
    const offered = request.headers[CORRELATION_HEADER];
    req.correlationId = typeof offered === 'string' && ACCEPTABLE.test(offered) ? offered : randomUUID();
    req.receivedAt ??= new Date();
  }
  if (response && !response.headersSent && !response.hasHeader(CORRELATION_HEADER)) {
    response.setHeader(CORRELATION_HEADER, req.correlationId);
  }
  return req.correlationId;
}

/** Stamps every request with its correlation id and arrival time before guards and handlers run. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    correlationIdOf(request, response);
    next();
  }
}
