import { loadConfig } from '../config/app-config';
import { actorFromClaims, InvalidClaims } from './actor-from-claims';
import { signDevelopmentToken } from './development-token';

describe('actorFromClaims', () => {
  it('takes the actor from sub, role, org and name', () => {
    expect(actorFromClaims({ sub: 'u-1', role: 'exporter', org: 'org-1', name: 'Ada', iat: 1 })).toEqual({ sub: 'u-1', role: 'exporter', org: 'org-1', name: 'Ada' });
  });

  it.each([
    ['no subject', { role: 'auditor' }],
    ['an unknown role', { sub: 'u', role: 'superuser' }],
    ['the system role, which is the worker’s own', { sub: 'u', role: 'system' }],
    ['an exporter without an organisation', { sub: 'u', role: 'exporter' }],
    ['an organisation that is not a string', { sub: 'u', role: 'exporter', org: 7 }],
  ])('refuses a token with %s', (_, claims) => {
    expect(() => actorFromClaims(claims)).toThrow(InvalidClaims);
  });
});

describe('signDevelopmentToken', () => {
  it('refuses in production and with a JWKS', () => {
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' });
    const withJwks = loadConfig({ JWKS_URL: 'https://idp.example/jwks' });
    expect(() => signDevelopmentToken({ role: 'auditor' }, production)).toThrow(/production/);
    expect(() => signDevelopmentToken({ role: 'auditor' }, withJwks)).toThrow(/JWKS/);
  });

  it('refuses claims the API would refuse', () => {
    expect(() => signDevelopmentToken({ role: 'exporter' }, loadConfig({}))).toThrow(InvalidClaims);
  });
});
