import type { Actor } from '@ree/shared-kernel';
import { GetPublicKeyOrSecret, Secret, verify, VerifyOptions } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import type { AppConfig } from '../config/app-config';
import { actorFromClaims } from './actor-from-claims';

/** The bearer token is missing, malformed, badly signed, expired or meant for someone else. */
export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

/** Seconds of clock skew tolerated between the token issuer and this server. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Checks bearer tokens: the algorithm is pinned (HS256 with the configured secret, or RS256/ES256
 * with keys from the configured JWKS), issuer and audience are always checked, `exp` is required
 * and checked, and `iat` and `nbf`, when present, may not lie beyond the clock skew in the future
 * (docs/operations.md, "HTTP hardening"). Pinning the algorithm is what stops `alg: none` and
 * HS256-signed-with-the-public-key forgeries.
 */
export class TokenVerifier {
  private readonly key: Secret | GetPublicKeyOrSecret;
  private readonly options: VerifyOptions;

  constructor(config: AppConfig) {
    const { jwksUrl, secret, issuer, audience } = config.jwt;
    const common = { issuer, audience, clockTolerance: CLOCK_TOLERANCE_SECONDS } as const;
    if (jwksUrl) {
      const jwks = new JwksClient({ jwksUri: jwksUrl, cache: true, cacheMaxAge: 600_000, rateLimit: true, jwksRequestsPerMinute: 10 });
      this.key = (header, callback) => {
        if (!header.kid) return callback(new Error('the token names no key (kid)'));
        jwks.getSigningKey(header.kid).then((key) => callback(null, key.getPublicKey()), callback);
      };
      this.options = { ...common, algorithms: ['RS256', 'ES256'] };
    } else {
      if (!secret) throw new Error('TokenVerifier: neither a JWT secret nor a JWKS URL is configured');
      this.key = secret;
      this.options = { ...common, algorithms: ['HS256'] };
    }
  }

  /** The actor a token speaks for; rejects with {@link InvalidToken} for any token it cannot trust. */
  async verify(token: string): Promise<Actor> {
    const claims = await new Promise<unknown>((resolve, reject) =>
      verify(token, this.key as GetPublicKeyOrSecret, this.options, (error, decoded) =>
        error ? reject(new InvalidToken(describe(error))) : resolve(decoded),
      ),
    );
    try {
      checkTimes(claims);
      return actorFromClaims(claims);
    } catch (error) {
      throw new InvalidToken((error as Error).message);
    }
  }
}

/**
 * jsonwebtoken checks `exp` and `nbf` only when present and never looks at `iat`: a token without
 * `exp` would be good forever, and one issued in the future (a skewed or forged issuer) is refused.
 */
function checkTimes(claims: unknown): void {
  const { exp, iat } = (typeof claims === 'object' && claims !== null ? claims : {}) as Record<string, unknown>;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new Error('the token has no expiry (exp)');
  if (iat === undefined) return;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new Error('the token\'s iat is not a number of seconds');
  if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new Error('the token is issued in the future (iat)');
}

function describe(error: Error): string {
  if (error.name === 'TokenExpiredError') return 'the token has expired';
  if (error.name === 'NotBeforeError') return 'the token is not valid yet';
  return `the token is invalid: ${error.message}`;
}
