import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Metrics } from '@ree/platform/observability';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
import { problemOf } from './problem-of';

/**
 * Counts every command the API runs in `ree_commands_total{command, outcome, code}`. A command is
 * a POST (docs/http-conventions.md, "Commands": every POST answers `{ id, revision, position }`); it is named after its slice,
 * the controller method in kebab case (`registerMine` → `register-mine`, as in
 * `libs/registry/src/commands/register-mine/`). The outcome and code are those of the answer:
 * the same {@link problemOf} that writes it classifies the error, so a 422 counts as `rejected`
 * with its rule code and a 503 as `error`.
 *
 * It runs inside the authentication, rate-limit and authorisation guards and the idempotency
 * interceptor: requests turned away before the command (401, 403, 429) and answers replayed for an
 * `Idempotency-Key` ran no command and are not counted. Validation runs inside it, so a body that
 * fails validation counts as `rejected` `validation-failed`.
 */
@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'POST') return next.handle();
    const command = commandNameOf(context.getHandler().name);
    return next.handle().pipe(
      tap({
        next: () => this.metrics.countCommand(command, 'ok'),
        error: (error: unknown) => {
          const { problem } = problemOf(error, { correlationId: '', hadIfMatch: request.headers['if-match'] !== undefined });
          this.metrics.countCommand(command, problem.status >= 500 ? 'error' : 'rejected', problem.code);
        },
      }),
    );
  }
}

/** `fileEndUseDeclaration` → `file-end-use-declaration`. */
export function commandNameOf(handlerName: string): string {
  return handlerName.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^-/, '');
}
