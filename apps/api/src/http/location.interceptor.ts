import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { CommandResponse } from '@ree/platform/http';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { pathOf, successStatusOf } from './route-status';

/** A create answers (docs/http-conventions.md, "Commands") 201 with `Location: <request path>/<id>`. */
@Injectable()
export class LocationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || successStatusOf(context) !== HttpStatus.CREATED) return next.handle();
    const http = context.switchToHttp();
    return next.handle().pipe(
      map((result: unknown) => {
        if (isCommandResponse(result)) {
          const path = pathOf(http.getRequest<Request>()).replace(/\/+$/, '');
          http.getResponse<Response>().setHeader('Location', `${path}/${encodeURIComponent(result.id)}`);
        }
        return result;
      }),
    );
  }
}

function isCommandResponse(value: unknown): value is CommandResponse {
  if (value instanceof CommandResponse) return true;
  const candidate = value as Partial<CommandResponse> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.id === 'string' && typeof candidate.revision === 'number' && typeof candidate.position === 'string';
}
