import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, Role, ROLES_KEY } from '@ree/platform/auth';
import type { Response } from 'express';
import type { AuthenticatedRequest } from './authenticated-request';

/**
 * Deny by default: a route opens only through `@Public()` or `@Roles(...)`, so a forgotten
 * decorator closes a route rather than opening it. 401 without a valid token, 403 for a role the
 * route does not name.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.actor) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException({ code: 'unauthenticated', detail: request.authenticationFailure ?? 'A bearer token is required' });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(request.actor.role as Role)) {
      throw new ForbiddenException({
        code: 'forbidden-for-role',
        detail: roles.length === 0 ? 'This route is open to no role' : `This route is open to ${roles.join(', ')} only`,
      });
    }
    return true;
  }
}
