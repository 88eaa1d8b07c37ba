import { UpdateGroupDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { markerCursor } from '../../helpers/stored-events';
import type { WsClient } from '../../helpers/ws-client';
import { openWsClient, subscribe } from '../../helpers/ws-client';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

jest.setTimeout(20_000);

const WITH_GROUP = `subscription($groupId: ID!, $after: String) {
  groupEvents(groupId: $groupId, after: $after) { id type group { id subject participants { waId } } }
}`;
const WITH_GROUP_DESCRIPTION = `subscription($groupId: ID!, $after: String) {
  groupEvents(groupId: $groupId, after: $after) { id type group { id description } }
}`;

interface Emitted {
  id: string;
  type: string;
  group: Record<string, unknown> | null;
}

describe('one execution per event for equal subscriptions', () => {
  let t: TestGateway;
  let sockets: WsClient[];

  beforeAll(async () => {
    t = await startTestGateway();
    // Separate sockets, as separate browser tabs would be.
    sockets = Array.from({ length: 4 }, () => openWsClient({ url: t.graphqlUrl }));
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await t.dispose();
  });

  it('reads the group once per distinct operation, not once per subscriber, and sends every subscriber the same result', async () => {
    const group = t.sandbox.control.state().groups.find((g) => g.phoneNumberId === SANDBOX_PHONE_A && g.subject === 'Watch Enthusiasts')!;
    const now = await markerCursor(t, group.id);
    const variables = { groupId: group.id, after: now };
    const equal = sockets.map((socket) => subscribe<Emitted>(socket, { query: WITH_GROUP, variables, field: 'groupEvents' }));
    const other = subscribe<Emitted>(sockets[0]!, { query: WITH_GROUP_DESCRIPTION, variables, field: 'groupEvents' });

    // A first event that every subscription receives: from here on all five are past their replay and live, where
    // every local subscriber gets the same decoded event (replayed events are read per subscriber).
    t.sandbox.control.sendText({ groupId: group.id, waId: group.participants[0]!.waId, text: 'warming up' });
    await Promise.all([...equal, other].map((recording) => recording.take(1)));

    t.sandbox.stats.reset();
    // The settings webhook evicts the cached group: each execution of its event has to read the group upstream.
    const update = await t.query(UpdateGroupDocument, { input: { groupId: group.id, subject: 'Watch Sharers' } });
    expect(update.body.errors).toBeUndefined();
    const received = await Promise.all(equal.map(async (recording) => (await recording.take(2))[1]!));
    const otherEvent = (await other.take(2))[1]!;

    const event = received[0]!;
    expect(event).toMatchObject({ type: 'SETTINGS_UPDATED', group: { id: group.id, subject: 'Watch Sharers' } });
    expect(received).toEqual(equal.map(() => event));
    expect(otherEvent).toEqual({ id: event.id, type: 'SETTINGS_UPDATED', group: { id: group.id, description: group.description ?? null } });
    // Group reads go out as Graph batch requests: one per distinct operation (the mutation's own answer adds one).
    const groupReads = t.sandbox.stats.requests
      .flatMap((request) => (request.body as { batch?: { relative_url: string }[] } | null)?.batch ?? [])
      .map((item) => decodeURIComponent(item.relative_url))
      .filter((url) => url.startsWith(`${group.id}?`));
    expect(groupReads.filter((url) => url.endsWith('fields=subject,participants'))).toHaveLength(1); // 4 subscriptions
    expect(groupReads.filter((url) => url.endsWith('fields=description'))).toHaveLength(1);

    for (const recording of [...equal, other]) recording.stop();
    await Promise.all([...equal, other].map((recording) => recording.ended));
  });
});
