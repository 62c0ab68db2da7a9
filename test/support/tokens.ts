import { DevelopmentClaims, signDevelopmentToken } from '@ree/platform/auth';
import { type AppConfig } from '@ree/platform/config';
import { sign } from 'jsonwebtoken';

/** An `Authorization` header value that the API accepts for these claims. */
export function bearer(claims: DevelopmentClaims, config: AppConfig): string {
  return `Bearer ${signDevelopmentToken(claims, config)}`;
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * `Authorization` header values that the API must refuse with 401, by name: the cases of
 * the authorisation matrix (docs/http-conventions.md, "How it is tested") and a few more.
 */
export function refusedBearers(config: AppConfig, claims: DevelopmentClaims = { role: 'auditor' }): Record<string, string> {
  const secret = config.jwt.secret ?? 'no-secret-configured';
  const now = Math.floor(Date.now() / 1000);
  const payload = { sub: claims.sub ?? 'refused-subject', role: claims.role, ...(claims.org && { org: claims.org }) };
  const valid = { issuer: config.jwt.issuer, audience: config.jwt.audience, algorithm: 'HS256' as const };
  return {
    expired: `Bearer ${sign({ ...payload, iat: now - 3600, exp: now - 60 }, secret, valid)}`,
    'wrong signature': `Bearer ${sign(payload, 'another-secret-of-at-least-32-characters!', { ...valid, expiresIn: '1h' })}`,
    'alg none': `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...payload, iss: config.jwt.issuer, aud: config.jwt.audience, exp: now + 3600 })}.`,
    'wrong issuer': `Bearer ${sign(payload, secret, { ...valid, issuer: 'someone-else', expiresIn: '1h' })}`,
    'wrong audience': `Bearer ${sign(payload, secret, { ...valid, audience: 'another-api', expiresIn: '1h' })}`,
    'system role': `Bearer ${sign({ ...payload, role: 'system' }, secret, { ...valid, expiresIn: '1h' })}`,
    'exporter without org': `Bearer ${sign({ ...payload, role: 'exporter', org: undefined }, secret, { ...valid, expiresIn: '1h' })}`,
    'without exp': `Bearer ${sign({ ...payload, iat: now }, secret, valid)}`,
    'issued a year ahead': `Bearer ${sign({ ...payload, iat: now + 365 * 86_400, exp: now + 366 * 86_400 }, secret, valid)}`,
    'valid only from a minute ahead': `Bearer ${sign({ ...payload, nbf: now + 60 }, secret, { ...valid, expiresIn: '1h' })}`,
    'not a JWT': 'Bearer not-a-token',
    'basic scheme': 'Basic dXNlcjpwYXNz',
  };
}
