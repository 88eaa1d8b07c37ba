import { changeOfEvents, EVERY_LIST, tagsOfChange } from '../../../src/response-cache/read-change';
import type { GroupEventType } from '../../../src/events/event-model';
import { GROUP_EVENT_TYPES } from '../../../src/events/event-model';
import { createReadTags } from '../../../src/response-cache/read-tags';

const event = (type: GroupEventType, phoneNumberId: string | null = '111') => ({ type, groupId: 'G', phoneNumberId });

describe('changeOfEvents: what each event kind invalidates', () => {
  const LIST_CHANGING: GroupEventType[] = ['GROUP_CREATED', 'GROUP_DELETED', 'GROUP_SUSPENDED', 'GROUP_SUSPENSION_CLEARED'];
  const NOTHING: GroupEventType[] = ['MESSAGE_RECEIVED', 'MESSAGE_STATUS_UPDATED'];

  it.each(GROUP_EVENT_TYPES.map((type) => [type]))('%s', (type) => {
    const change = changeOfEvents([event(type)]);
    if (NOTHING.includes(type)) expect(change).toEqual({ groupIds: [], listsOf: [] });
    else expect(change).toEqual({ groupIds: ['G'], listsOf: LIST_CHANGING.includes(type) ? ['111'] : [] });
  });

  it('a list change without a phone number invalidates every list; events without a group touch no group', () => {
    expect(changeOfEvents([event('GROUP_DELETED', null)])).toEqual({ groupIds: ['G'], listsOf: [EVERY_LIST] });
    expect(changeOfEvents([{ type: 'GROUP_CREATE_FAILED', groupId: null, phoneNumberId: '111' }])).toEqual({ groupIds: [], listsOf: [] });
  });

  it('merges a delivery into one change, each group once', () => {
    expect(changeOfEvents([event('SETTINGS_UPDATED'), event('PARTICIPANTS_ADDED'), { ...event('GROUP_CREATED'), groupId: 'H' }])).toEqual({ groupIds: ['G', 'H'], listsOf: ['111'] });
  });

  it('names the tags a request records for what it read', () => {
    const reads = createReadTags();
    reads.group('G');
    reads.list('111');
    reads.group('G');
    expect(reads.tags().sort()).toEqual(tagsOfChange({ groupIds: ['G'], listsOf: ['111', EVERY_LIST] }).sort());
  });
});
