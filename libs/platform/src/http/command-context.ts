import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor, CommandContext } from '@ree/shared-kernel';

/** The request fields that the auth guard and the correlation middleware fill in. */
export interface RequestWithContext {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  correlationId?: string;
  receivedAt?: Date;
}

const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;

export function parseIfMatch(value: string | string[] | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = IF_MATCH.exec(String(value).trim());
  if (!match) {
    throw new BadRequestException({
      code: 'invalid-if-match',
      detail: 'If-Match must be a stream revision in quotes, e.g. "3"',
    });
  }
  return Number(match[1]);
}

export function commandContextOf(request: RequestWithContext): CommandContext {
  if (!request.actor) throw new Error('commandContextOf: the auth guard did not run');
  const key = request.headers['idempotency-key'];
  return {
    actor: request.actor,
    correlationId: request.correlationId ?? 'none',
    expectedRevision: parseIfMatch(request.headers['if-match']),
    idempotencyKey: typeof key === 'string' ? key : undefined,
    now: request.receivedAt ?? new Date(),
  };
}

/** What `@Ctx()` hands a controller; the OpenAPI document knows by it which routes read If-Match. */
export const commandContextParameter = (_: unknown, execution: ExecutionContext): CommandContext =>
  commandContextOf(execution.switchToHttp().getRequest<RequestWithContext>());

/** `@Ctx() ctx: CommandContext` in a controller. */
export const Ctx = createParamDecorator(commandContextParameter);
