import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { TokenVerifier } from '@ree/platform/auth';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import type { AuthenticatedRequest } from './authenticated-request';

const BEARER = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.?[A-Za-z0-9\-_.+/=]*)$/;

/**
 * Reads `Authorization: Bearer <JWT>` and sets `request.actor`, or `request.authenticationFailure`
 * with the reason. It lets every request through: the rate limiter runs next, keyed by the token's
 * subject (so failed attempts are limited too), and {@link AuthorizationGuard} answers 401 or 403.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly verifier: TokenVerifier;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.verifier = new TokenVerifier(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (header === undefined) {
      request.authenticationFailure = 'A bearer token is required (Authorization: Bearer <JWT>)';
      return true;
    }
    const match = BEARER.exec(header);
    if (!match) {
      request.authenticationFailure = 'The Authorization header must be "Bearer <JWT>"';
      return true;
    }
    try {
      request.actor = await this.verifier.verify(match[1]);
    } catch (error) {
      request.authenticationFailure = (error as Error).message;
    }
    return true;
  }
}
