import { createPersistedQueryStore } from '../../../src/server/persisted-queries';

describe('createPersistedQueryStore', () => {
  it('answers trusted documents by hash, registered ones until evicted by size (least recently used first)', async () => {
    const store = createPersistedQueryStore({ trusted: (hash) => (hash === 'trusted' ? 'query T { __typename }' : undefined), maxBytes: 30 });
    expect(await store.get('apq:trusted')).toBe('query T { __typename }');
    await store.set('apq:a', 'x'.repeat(10)); // 15 bytes with its key
    await store.set('apq:b', 'y'.repeat(10));
    expect(await store.get('apq:a')).toBe('x'.repeat(10)); // a is now the most recently used
    await store.set('apq:c', 'z'.repeat(10));
    expect(await store.get('apq:b')).toBeUndefined();
    expect(await store.get('apq:a')).toBe('x'.repeat(10));
    expect(await store.delete('apq:a')).toBe(true);
    expect(await store.get('apq:a')).toBeUndefined();
  });
});
