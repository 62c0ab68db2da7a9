import { chainSealOf, DEVELOPMENT_SEAL_KEY_ID } from './chain-seal-config';

describe('the chain seal keys (CHAIN_SEAL_KEYS)', () => {
  const secret = (fill: number) => Buffer.alloc(32, fill).toString('base64');
  const message = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('seals with one fixed development key, the same in every process, when none is set outside production', () => {
    const first = chainSealOf({ nodeEnv: 'development' });
    const second = chainSealOf({ nodeEnv: 'test' });
    expect(first.current.id).toBe(DEVELOPMENT_SEAL_KEY_ID);
    expect(first.current.secret.equals(second.current.secret)).toBe(true);
    expect(first.all).toEqual([first.current]);
  });

  it('reads the keys given, the first sealing and every one verifying', () => {
    const keys = chainSealOf({ nodeEnv: 'production', chainSealKeys: `k2=${secret(2)},k1=${secret(1)}` });
    expect(keys.current).toEqual({ id: 'k2', secret: Buffer.alloc(32, 2) });
    expect(keys.all.map((key) => key.id)).toEqual(['k2', 'k1']);
  });

  it('refuses to start in production without keys, or with the development key id, in one line naming the setting', () => {
    expect(message(() => chainSealOf({ nodeEnv: 'production' }))).toBe(
      'CHAIN_SEAL_KEYS: required when NODE_ENV=production (e.g. CHAIN_SEAL_KEYS=k1=$(openssl rand -base64 32))',
    );
    expect(message(() => chainSealOf({ nodeEnv: 'production', chainSealKeys: `development=${secret(1)}` }))).toMatch(
      /^CHAIN_SEAL_KEYS: the id "development" is kept for the development key/,
    );
    expect(message(() => chainSealOf({ nodeEnv: 'test', chainSealKeys: 'k1=short' }))).toMatch(/^CHAIN_SEAL_KEYS: key k1: the secret must be at least 32 bytes/);
  });
});
