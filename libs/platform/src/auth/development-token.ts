import { sign, SignOptions } from 'jsonwebtoken';
import type { AppConfig } from '../config/app-config';
import { actorFromClaims } from './actor-from-claims';
import type { Role } from './roles';

export interface DevelopmentClaims {
  readonly role: Role;
  readonly org?: string;
  readonly sub?: string;
  readonly name?: string;
}

/**
 * A token signed with the configured HS256 secret, for `npm run token` and tests. Refused when the
 * API checks tokens against a JWKS (it would not accept it) and when NODE_ENV=production.
 */
export function signDevelopmentToken(
  claims: DevelopmentClaims,
  config: AppConfig,
  expiresIn: SignOptions['expiresIn'] = '12h',
): string {
  if (config.nodeEnv === 'production') throw new Error('Development tokens are refused when NODE_ENV=production');
  if (config.jwt.jwksUrl || !config.jwt.secret) {
    throw new Error('Development tokens need the HS256 secret: this configuration checks tokens against a JWKS');
  }
  const sub = claims.sub ?? `dev-${claims.role}${claims.org ? `-${claims.org}` : ''}`;
  actorFromClaims({ ...claims, sub });
  const payload = { role: claims.role, ...(claims.org && { org: claims.org }), ...(claims.name && { name: claims.name }) };
  return sign(payload, config.jwt.secret, {
    algorithm: 'HS256',
    subject: sub,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    expiresIn,
  });
}
