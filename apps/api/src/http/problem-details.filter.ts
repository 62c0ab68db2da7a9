import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@ree/platform/http';
import type { Request, Response } from 'express';
import { correlationIdOf } from './correlation';
import { problemOf } from './problem-of';

/**
 * Answers every failed HTTP request with problem+json (RFC 9457), including failures that happen
 * before the request reaches Nest's middleware (malformed JSON, oversized bodies, unknown routes).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const correlationId = correlationIdOf(request, response);
    const { problem, headers, unexpected } = problemOf(error, {
      correlationId,
      hadIfMatch: request.headers['if-match'] !== undefined,
    });
    if (unexpected) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.logger.error(`Unhandled error (correlation ${correlationId}): ${failure.message}`, failure.stack);
    }
    if (response.headersSent) return;
    response.status(problem.status).set(headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
