import { StreamHeadCache } from './stream-head-cache';

describe('StreamHeadCache', () => {
  it('keeps the latest head and ignores an older one', () => {
    const cache = new StreamHeadCache();
    cache.remember('s', { revision: 3, hash: 'c' });
    cache.remember('s', { revision: 2, hash: 'b' });
    expect(cache.get('s')).toEqual({ revision: 3, hash: 'c' });
    cache.forget('s');
    expect(cache.get('s')).toBeUndefined();
  });

  it('evicts the least recently used stream beyond its capacity', () => {
    const cache = new StreamHeadCache(2);
    cache.remember('a', { revision: 0, hash: 'a' });
    cache.remember('b', { revision: 0, hash: 'b' });
    cache.get('a');
    cache.remember('c', { revision: 0, hash: 'c' });
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((head) => head?.hash)).toEqual(['a', undefined, 'c']);
  });
});
