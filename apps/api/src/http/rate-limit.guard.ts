import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './authenticated-request';

/** Probes and scrapers call these often and must never be turned away. */
const UNLIMITED = /^\/(health(\/|$)|metrics$)/;

/**
 * The rate limit per token (docs/http-conventions.md, "Rate limits"): counted per verified subject,
 * or per client address for requests without a valid token, in Redis across every API process
 * (rate-limit.storage.ts). Runs after {@link AuthenticationGuard}, which sets the actor.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return UNLIMITED.test(context.switchToHttp().getRequest<AuthenticatedRequest>().path);
  }

  protected override async getTracker(request: Pick<AuthenticatedRequest, 'actor' | 'ip'>): Promise<string> {
    const { actor, ip } = request;
    return actor ? `sub:${actor.sub}` : `ip:${ip}`;
  }

  protected override async getErrorMessage(): Promise<string> {
    return 'Too many requests; retry after the number of seconds in Retry-After';
  }
}
