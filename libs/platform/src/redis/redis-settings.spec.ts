import { assessRedisSettings } from './redis-settings';

describe('the check of Redis’s settings for the jobs', () => {
  it('accepts noeviction with AOF or snapshots on, quietly', () => {
    expect(assessRedisSettings('redis://r', { policy: 'noeviction', appendonly: 'yes', save: '' })).toEqual({ refusal: null, warnings: [] });
    expect(assessRedisSettings('redis://r', { policy: 'noeviction', appendonly: 'no', save: '3600 1 300 100' })).toEqual({ refusal: null, warnings: [] });
  });

  it('refuses any policy that evicts keys, in one line naming the setting and the fix', () => {
    for (const policy of ['allkeys-lru', 'volatile-lru', 'allkeys-random', 'volatile-ttl']) {
      const { refusal } = assessRedisSettings('redis://r', { policy, appendonly: 'yes', save: '' });
      expect(refusal).toContain(`maxmemory-policy ${policy}`);
      expect(refusal).toContain('--maxmemory-policy noeviction');
      expect(refusal).not.toContain('\n');
    }
  });

  it('warns when neither AOF nor snapshots keep the jobs on disk', () => {
    const { refusal, warnings } = assessRedisSettings('redis://r', { policy: 'noeviction', appendonly: 'no', save: '' });
    expect(refusal).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('--appendonly yes');
  });
});
