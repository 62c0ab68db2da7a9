import { ExecutionContext, HttpStatus } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';

/** The status a route answers with on success: its `@HttpCode`, else Nest's default (201 for POST). */
export function successStatusOf(context: ExecutionContext): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
  if (declared !== undefined) return declared;
  return context.switchToHttp().getRequest<{ method: string }>().method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK;
}

/** The request path without its query string, as `Location` and the idempotency scope use it. */
export function pathOf(request: { originalUrl?: string; url: string }): string {
  const url = request.originalUrl ?? request.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
