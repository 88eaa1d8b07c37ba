import { createReceivedTimes } from '../../../src/server/delivery-observer';

describe('createReceivedTimes', () => {
  it('answers the receivedAt and id of the event a result was executed for, and nulls for a result of anything else', () => {
    const times = createReceivedTimes();
    const ofEvent = { data: { groupEvents: { id: 'e1' } } };
    const ofOther = { data: { operationUpdated: { id: 'o1' } } };
    times.record(ofEvent, { id: 'e1', receivedAt: '2026-01-02T03:04:05.000Z' });
    times.record(ofOther, { id: 'o1', status: 'SUCCEEDED' });
    expect(times.of(ofEvent)).toEqual({ receivedAt: '2026-01-02T03:04:05.000Z', eventId: 'e1' });
    expect(times.of(ofOther)).toEqual({ receivedAt: null, eventId: null });
    expect(times.of({ data: null })).toEqual({ receivedAt: null, eventId: null });
  });
});
