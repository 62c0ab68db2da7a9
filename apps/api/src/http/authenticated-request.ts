import type { RequestWithContext } from '@ree/platform/http';
import type { Request } from 'express';

/** An Express request as the guards and interceptors of this folder see and fill it. */
export type AuthenticatedRequest = Request &
  RequestWithContext & {
    /** Why the bearer token was not accepted, when it was not; answered 401 unless the route is public. */
    authenticationFailure?: string;
  };
