import type { StoredEvent } from '../../../../src/events/event-model';
import { emptyParticipant } from '../../../../src/events/event-model';
import { makeEvent } from '../../../helpers/events';
import type { GraphHarness } from '../../../helpers/events-schema-harness';
import { createGraphHarness, RETENTION_SECONDS } from '../../../helpers/events-schema-harness';

const PAGE = `
  query Page($groupId: ID, $phoneNumberId: ID, $types: [GroupEventType!], $first: Int, $after: String) {
    groupEvents(groupId: $groupId, phoneNumberId: $phoneNumberId, types: $types, first: $first, after: $after) {
      edges { cursor node { id cursor type groupId } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

interface PageData {
  groupEvents: {
    edges: { cursor: string; node: { id: string; cursor: string; type: string; groupId: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

describe('Query.groupEvents', () => {
  let h: GraphHarness;
  beforeEach(async () => {
    h = await createGraphHarness();
  });
  afterEach(() => h.dispose());

  async function page(variables: Record<string, unknown>): Promise<PageData['groupEvents']> {
    const result = await h.query(PAGE, variables);
    expect(result.errors).toBeUndefined();
    return (result.data as unknown as PageData).groupEvents;
  }

  it('pages through the log oldest first: endCursor continues exactly after the page', async () => {
    const stored = await h.append(...Array.from({ length: 5 }, () => makeEvent({ groupId: 'g1' })));

    const first = await page({ groupId: 'g1', first: 2 });
    const second = await page({ groupId: 'g1', first: 2, after: first.pageInfo.endCursor });
    const last = await page({ groupId: 'g1', first: 2, after: second.pageInfo.endCursor });

    expect(first.edges.map((edge) => edge.node.id)).toEqual([stored[0].id, stored[1].id]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: stored[0].cursor, endCursor: stored[1].cursor });
    expect(second.edges.map((edge) => edge.cursor)).toEqual([stored[2].cursor, stored[3].cursor]);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(last.edges.map((edge) => edge.node.id)).toEqual([stored[4].id]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, endCursor: stored[4].cursor });
    expect(last.edges[0].node.cursor).toBe(last.edges[0].cursor);
  });

  it('filters by group, phone number and types; an empty types list is no filter; default page size 50', async () => {
    await h.append(
      makeEvent({ groupId: 'g1', phoneNumberId: 'p1', type: 'GROUP_CREATED' }),
      makeEvent({ groupId: 'g2', phoneNumberId: 'p1', type: 'PARTICIPANTS_ADDED' }),
      makeEvent({ groupId: 'g1', phoneNumberId: 'p2', type: 'PARTICIPANTS_ADDED' }),
      ...Array.from({ length: 55 }, () => makeEvent({ groupId: 'g3', phoneNumberId: 'p3' })),
    );

    expect((await page({ groupId: 'g1', types: ['PARTICIPANTS_ADDED'] })).edges.map((e) => e.node.groupId)).toEqual(['g1']);
    expect((await page({ phoneNumberId: 'p1' })).edges.map((e) => [e.node.groupId, e.node.type])).toEqual([
      ['g1', 'GROUP_CREATED'],
      ['g2', 'PARTICIPANTS_ADDED'],
    ]);
    expect((await page({ groupId: 'g1', types: [] })).edges).toHaveLength(2);
    const all = await page({});
    expect(all.edges).toHaveLength(50);
    expect(all.pageInfo.hasNextPage).toBe(true);
  });

  it('answers BAD_USER_INPUT naming the argument for a bad page size, cursor or id', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ first: 0 }, 'first', /`first` must be between 1 and 1000, got 0/],
      [{ first: 1001 }, 'first', /got 1001/],
      [{ after: 'not-a-cursor' }, 'after', /`after` is not an event cursor issued by this gateway/],
      [{ after: '' }, 'after', /not an event cursor/],
      [{ groupId: ' ' }, 'groupId', /`groupId` must not be empty/],
    ];
    for (const [variables, argumentName, message] of cases) {
      const result = await h.query(PAGE, variables);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].message).toMatch(message);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    }
  });

  it('answers CURSOR_EXPIRED for a cursor older than the log retention', async () => {
    const [old] = await h.append(makeEvent({ groupId: 'g1' }));
    h.clock.advance(RETENTION_SECONDS * 1000 + 1);

    const result = await h.query(PAGE, { groupId: 'g1', after: old.cursor });

    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CURSOR_EXPIRED', argumentName: 'after' });
  });

  it('answers BAD_USER_INPUT, naming the filter it belongs to, for a cursor of another stream', async () => {
    const [stored] = await h.append(makeEvent({ groupId: 'g1' }));

    const result = await h.query(PAGE, { phoneNumberId: 'p1', after: stored.cursor });

    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(result.errors?.[0].message).toBe(
      '`after` cannot be used here: it continues the events of group "g1" (groupId filter), but this read follows the events of phone number "p1" (phoneNumberId filter, no groupId); pass a cursor that a read or subscription with the same groupId/phoneNumberId filter returned',
    );
  });

  it('exposes the details of every kind of event on its concrete type', async () => {
    const someone = emptyParticipant({ waId: '15550001111', name: 'Ann' });
    const base = { groupId: 'g1' };
    const creator = emptyParticipant({ waId: '15550002222' });
    const stored: StoredEvent[] = await h.append(
      {
        ...makeEvent({ ...base, type: 'GROUP_CREATED', requestId: 'req-9' }),
        details: { subject: 'Team', description: null, inviteLink: 'https://chat.whatsapp.com/abc', joinApprovalMode: 'AUTO_APPROVE', participants: [{ ...creator, rank: 'CREATOR' }, { ...someone, rank: 'ADMIN' }], createdBy: creator },
      } as never,
      { ...makeEvent({ ...base, type: 'PARTICIPANTS_REMOVED' }), details: { participants: [someone], failedParticipants: [{ participant: emptyParticipant({ input: '+1555' }), errors: [{ code: 131000, title: 'Nope', message: null, details: 'x' }] }], initiatedBy: 'BUSINESS', errors: [] } } as never,
      { ...makeEvent({ ...base, type: 'SETTINGS_UPDATED' }), details: { subject: { value: 'New', previousValue: 'Old', changedBy: someone, succeeded: true, errors: [] }, description: null, profilePicture: { sha256: 'abc123', url: null, previousUrl: 'https://example.com/old.jpg', changedBy: null, mimeType: 'image/jpeg', succeeded: false, errors: [{ code: 1, title: null, message: 'bad', details: null }] }, otherChanges: ['announcements'], errors: [] } } as never,
      makeEvent({ ...base, type: 'JOIN_REQUEST_CREATED' }),
      makeEvent({ ...base, type: 'MESSAGE_RECEIVED' }),
      { ...makeEvent({ ...base, type: 'MESSAGE_STATUS_UPDATED' }), details: { messageId: 'wamid.2', status: 'DELIVERED', participant: someone, pricing: { model: 'PMP', category: 'utility', type: 'regular', billable: true }, conversation: { id: 'conv1', originType: 'utility', expiresAt: '2025-01-02T00:00:00.000Z' }, bizOpaqueCallbackData: 'order=42', errors: [] } } as never,
      makeEvent({ ...base, type: 'GROUP_DELETED' }),
      // Stored before statuses kept their conversation and callback data: both read as null.
      { ...makeEvent({ ...base, type: 'MESSAGE_STATUS_UPDATED' }), details: { messageId: 'wamid.3', status: 'SENT', participant: null, pricing: null, errors: [] } } as never,
    );

    const result = await h.query(`{
      groupEvents(groupId: "g1") { nodes {
        __typename occurredAt source raw
        ... on GroupCreatedEvent { subject inviteLink joinApprovalMode participants { waId rank } createdBy { waId rank } requestId }
        ... on ParticipantsRemovedEvent { participants { waId name } failedParticipants { participant { input } errors { code title details } } initiatedBy errors { code } }
        ... on SettingsUpdatedEvent { subjectChange { value previousValue changedBy { waId } succeeded } descriptionChange { value } profilePictureChange { sha256 url previousUrl changedBy { waId } mimeType succeeded errors { message } } otherChanges }
        ... on JoinRequestCreatedEvent { joinRequestId participant { waId } reason }
        ... on MessageReceivedEvent { messageId from { waId } messageType text content }
        ... on MessageStatusUpdatedEvent { messageId status recipient { name } pricing { model billable } conversation { id originType expiresAt } bizOpaqueCallbackData }
      } }
    }`);

    expect(result.errors).toBeUndefined();
    const nodes = (result.data as { groupEvents: { nodes: Record<string, unknown>[] } }).groupEvents.nodes;
    expect(nodes.map((node) => node.__typename)).toEqual([
      'GroupCreatedEvent',
      'ParticipantsRemovedEvent',
      'SettingsUpdatedEvent',
      'JoinRequestCreatedEvent',
      'MessageReceivedEvent',
      'MessageStatusUpdatedEvent',
      'GroupDeletedEvent',
      'MessageStatusUpdatedEvent',
    ]);
    expect(nodes[0]).toMatchObject({ occurredAt: new Date('2025-01-01T00:00:00.000Z'), source: 'META', subject: 'Team', inviteLink: 'https://chat.whatsapp.com/abc', joinApprovalMode: 'AUTO_APPROVE',
      participants: [
        { waId: '15550002222', rank: 'CREATOR' },
        { waId: '15550001111', rank: 'ADMIN' },
      ],
      createdBy: { waId: '15550002222', rank: null },
      requestId: 'req-9',
    });
    expect(nodes[0].raw).toEqual(stored[0].raw);
    expect(nodes[1]).toMatchObject({
      participants: [{ waId: '15550001111', name: 'Ann' }],
      failedParticipants: [{ participant: { input: '+1555' }, errors: [{ code: 131000, title: 'Nope', details: 'x' }] }],
      initiatedBy: 'BUSINESS',
      errors: [],
    });
    expect(nodes[2]).toMatchObject({
      subjectChange: { value: 'New', previousValue: 'Old', changedBy: { waId: '15550001111' }, succeeded: true },
      descriptionChange: null,
      profilePictureChange: { sha256: 'abc123', url: null, previousUrl: 'https://example.com/old.jpg', changedBy: null, mimeType: 'image/jpeg', succeeded: false, errors: [{ message: 'bad' }] },
      otherChanges: ['announcements'],
    });
    expect(nodes[3]).toMatchObject({ joinRequestId: 'jr1', participant: { waId: '15550001111' }, reason: null });
    expect(nodes[4]).toMatchObject({ messageId: 'wamid.1', from: { waId: '15550001111' }, messageType: 'text', text: 'hi', content: { body: 'hi' } });
    expect(nodes[5]).toMatchObject({
      messageId: 'wamid.2',
      status: 'DELIVERED',
      recipient: { name: 'Ann' },
      pricing: { model: 'PMP', billable: true },
      conversation: { id: 'conv1', originType: 'utility', expiresAt: new Date('2025-01-02T00:00:00.000Z') },
      bizOpaqueCallbackData: 'order=42',
    });
    expect(nodes[7]).toMatchObject({ messageId: 'wamid.3', conversation: null, bizOpaqueCallbackData: null });
  });

  it('resolves `group` through the request loaders, and only when a field beyond id is selected', async () => {
    await h.append(makeEvent({ groupId: 'g1' }), makeEvent({ groupId: 'g1' }), makeEvent({ groupId: 'gone' }));

    const idsOnly = await h.query('{ groupEvents { nodes { group { id phoneNumberId } } } }');
    expect(idsOnly.errors).toBeUndefined();
    expect(h.upstream.calls).toEqual([]);

    const withSubject = await h.query('{ groupEvents { nodes { group { id subject } } } }');
    expect(withSubject.errors).toBeUndefined();
    expect((withSubject.data as { groupEvents: { nodes: unknown[] } }).groupEvents.nodes).toEqual([
      { group: { id: 'g1', subject: 'Team' } },
      { group: { id: 'g1', subject: 'Team' } },
      { group: null },
    ]);
    // One request, one set of loaders: the two g1 events share a lookup.
    const lookedUp = h.upstream.calls.flatMap((call) => (call.method === 'getGroup' ? [call.args[0]] : call.method === 'getGroups' ? (call.args[0] as string[]) : []));
    expect(lookedUp.sort()).toEqual(['g1', 'gone']);
    expect(h.loaderSetsCreated()).toBe(0);
  });
});
