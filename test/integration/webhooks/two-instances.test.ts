import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { startTestGateway } from '../../helpers/test-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';

/** Two gateway instances sharing one real Redis (and nothing else). */
describe('two gateway instances on one Redis', () => {
  const prefix = uniquePrefix('two');
  let first: TestGateway;
  let second: TestGateway;

  beforeAll(async () => {
    const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix };
    first = await startTestGateway({ env });
    second = await startTestGateway({ env });
  });

  afterAll(async () => {
    await first.dispose();
    await second.dispose();
    await createTestRedis(prefix).dispose();
  });

  it('makes a delivery posted to the first readable through groupEvents on the second, and publishes it to its bus subscribers', async () => {
    const { groupId, body } = participantJoinedDelivery({ waId: '15551230000' });
    const events = second.gateway.events!;
    let delivered!: (message: string) => void;
    const published = new Promise<string>((resolve) => (delivered = resolve));
    const unsubscribe = await events.bus.subscribe([events.topics.group(groupId)], (_channel, message) => delivered(message));

    expect((await postMeta(first.url, body)).status).toBe(200);
    const message = JSON.parse(await published) as { id: string; cursor: string; type: string };
    await unsubscribe();

    const history = await second.query<{ groupEvents: { edges: { cursor: string; node: { id: string; type: string; groupId: string; participants: { waId: string }[] } }[] } }, { groupId: string }>(
      `query ($groupId: ID!) { groupEvents(groupId: $groupId, first: 10) { edges { cursor node { id type groupId ... on ParticipantsAddedEvent { participants { waId } } } } } }`,
      { groupId },
    );
    expect(history.body.errors).toBeUndefined();
    expect(history.body.data?.groupEvents.edges).toEqual([
      { cursor: message.cursor, node: { id: message.id, type: 'PARTICIPANTS_ADDED', groupId, participants: [{ waId: '15551230000' }] } },
    ]);
  });

  it('stores a delivery posted to both instances once', async () => {
    const { groupId, body } = participantJoinedDelivery();
    const answers = await Promise.all([postMeta(first.url, body), postMeta(second.url, body), postMeta(first.url, body)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const stored = await first.gateway.events!.log.read({ groupId, limit: 10 });
    expect(stored.events).toHaveLength(1);
  });
});
