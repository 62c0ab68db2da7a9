import { sign, SignOptions } from 'jsonwebtoken';
import { createHmac } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../config/app-config';
import { CLOCK_TOLERANCE_SECONDS, TokenVerifier } from './token-verifier';

const config = loadConfig({ NODE_ENV: 'test' });
const verifier = new TokenVerifier(config);
const now = () => Math.floor(Date.now() / 1000);

function token(payload: Record<string, unknown>, options: SignOptions = {}): string {
  return sign(
    { role: 'auditor', ...payload },
    DEVELOPMENT_JWT_SECRET,
    { algorithm: 'HS256', subject: 'auditor-1', issuer: config.jwt.issuer, audience: config.jwt.audience, ...options },
  );
}

/** A token jsonwebtoken's `sign` would not make (it checks the claims it is given). */
function handmade(payload: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'auditor-1', role: 'auditor', iss: config.jwt.issuer, aud: config.jwt.audience, ...payload })}`;
  return `${unsigned}.${createHmac('sha256', DEVELOPMENT_JWT_SECRET).update(unsigned).digest('base64url')}`;
}

describe('TokenVerifier', () => {
  it('accepts a token with exp, and iat and nbf now or within the skew', async () => {
    await expect(verifier.verify(token({ exp: now() + 60 }))).resolves.toMatchObject({ sub: 'auditor-1', role: 'auditor' });
    await expect(verifier.verify(token({ exp: now() + 60, iat: now() + CLOCK_TOLERANCE_SECONDS - 2, nbf: now() + 1 }))).resolves.toMatchObject({ sub: 'auditor-1' });
  });

  it('refuses a token without exp, however it is signed', async () => {
    await expect(verifier.verify(token({}))).rejects.toThrow('the token has no expiry (exp)');
    await expect(verifier.verify(token({ iat: now() - 10, nbf: now() - 10 }))).rejects.toThrow('no expiry');
  });

  it('refuses a token issued, or valid only from, beyond the clock skew', async () => {
    const yearAhead = now() + 365 * 86_400;
    await expect(verifier.verify(token({ exp: yearAhead + 60, iat: yearAhead }))).rejects.toThrow('issued in the future');
    await expect(verifier.verify(token({ exp: now() + 600, iat: now() + CLOCK_TOLERANCE_SECONDS + 30 }))).rejects.toThrow('issued in the future');
    await expect(verifier.verify(token({ exp: now() + 600, nbf: now() + CLOCK_TOLERANCE_SECONDS + 30 }))).rejects.toThrow('not valid yet');
    await expect(verifier.verify(handmade({ exp: now() + 600, iat: 'yesterday' }))).rejects.toThrow(/iat/);
  });

  it('refuses an expired token, another algorithm, issuer or audience', async () => {
    await expect(verifier.verify(token({ exp: now() - CLOCK_TOLERANCE_SECONDS - 30 }))).rejects.toThrow('expired');
    await expect(verifier.verify(token({ exp: now() + 60 }, { algorithm: 'HS384' }))).rejects.toThrow('invalid algorithm');
    await expect(verifier.verify(token({ exp: now() + 60 }, { issuer: 'someone-else' }))).rejects.toThrow('jwt issuer invalid');
    await expect(verifier.verify(token({ exp: now() + 60 }, { audience: 'another-api' }))).rejects.toThrow('jwt audience invalid');
  });

  it('is refused the development secret when NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ANCHOR_PRIVATE_KEY_FILE: 'anchor.pem' })).toThrow(/development secret is refused/);
  });
});
