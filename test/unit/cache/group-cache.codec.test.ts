import { decodeCachedGroup, encodeCachedGroup } from '../../../src/cache/group-cache.codec';

describe('group cache codec', () => {
  it('round-trips a group with the fields it was fetched with', () => {
    const entry = { group: { id: 'g1', subject: 'Team', createdAt: new Date('2025-01-01T00:00:00.000Z'), description: null }, fields: ['subject', 'creation_timestamp', 'description'] as const };
    expect(decodeCachedGroup(encodeCachedGroup(entry))).toEqual({ group: entry.group, fields: [...entry.fields] });
  });

  it('keeps fields that were not fetched undefined', () => {
    const decoded = decodeCachedGroup(encodeCachedGroup({ group: { id: 'g1', description: 'd' }, fields: ['description'] }));
    expect(decoded).toEqual({ group: { id: 'g1', description: 'd' }, fields: ['description'] });
    expect('subject' in decoded.group).toBe(false);
  });

  it('treats a null subject or creation time, cached before both were guaranteed, as not cached', () => {
    const legacy = JSON.stringify({ group: { id: 'g1', subject: null, createdAt: null, description: 'kept' }, fields: ['subject', 'creation_timestamp', 'description'] });
    const decoded = decodeCachedGroup(legacy);
    expect(decoded.fields).toEqual(['description']);
    expect(decoded.group).toEqual({ id: 'g1', description: 'kept' });
  });
});
