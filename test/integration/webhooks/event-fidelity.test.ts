import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postMeta } from '../../helpers/meta-deliveries';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'webhooks');
const WHAPI_TOKEN = 'whapi-fidelity-token';

/** A fixture's bytes, as the provider sends them. */
const fixture = (provider: string, name: string): string => readFileSync(join(FIXTURES, provider, `${name}.json`), 'utf8');

interface EventsAnswer {
  groupEvents: { nodes: Record<string, unknown>[] };
}

describe('what a webhook carries reaches GraphQL clients (signed deliveries over HTTP, events read back by query)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { WHAPI_WEBHOOK_TOKEN: WHAPI_TOKEN } });
  });
  afterAll(() => t.dispose());

  async function eventsOf(groupId: string, selection: string): Promise<Record<string, unknown>[]> {
    const response = await t.query<EventsAnswer, { groupId: string }>(`query ($groupId: ID!) { groupEvents(groupId: $groupId) { nodes { __typename ${selection} } } }`, { groupId });
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.groupEvents.nodes ?? [];
  }

  it("keeps a Meta status's conversation and biz_opaque_callback_data", async () => {
    expect((await postMeta(t.url, fixture('meta', 'messages.group_status_sent.conversation_and_callback_data'))).status).toBe(200);
    const nodes = await eventsOf(
      'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
      '... on MessageStatusUpdatedEvent { status conversation { id originType expiresAt } bizOpaqueCallbackData pricing { category } }',
    );
    expect(nodes).toContainEqual({
      __typename: 'MessageStatusUpdatedEvent',
      status: 'SENT',
      conversation: { id: 'c0ffee00b1a5', originType: 'marketing', expiresAt: new Date(1755640460 * 1000).toISOString() },
      bizOpaqueCallbackData: 'campaign=spring-sale;batch=7',
      pricing: { category: 'group_marketing' },
    });
  });

  it("keeps Whapi's member ranks and creator on groups.post, and before-values and authors on groups.patch", async () => {
    const postWhapi = (body: string) =>
      fetch(`${t.url}/webhooks/whapi`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${WHAPI_TOKEN}` }, body });
    expect((await postWhapi(fixture('whapi', 'groups.post.created_with_invite'))).status).toBe(200);
    expect((await postWhapi(fixture('whapi', 'groups.patch.name_by_admin'))).status).toBe(200);

    const created = await eventsOf('120363311200990011@g.us', '... on GroupCreatedEvent { participants { waId rank } createdBy { waId } requestId }');
    expect(created).toEqual([
      {
        __typename: 'GroupCreatedEvent',
        participants: [
          { waId: '919984351847', rank: 'CREATOR' },
          { waId: '61371989950', rank: 'ADMIN' },
        ],
        createdBy: { waId: '919984351847' },
        requestId: null,
      },
    ]);
    const renamed = await eventsOf('120363498775936551@g.us', '... on SettingsUpdatedEvent { subjectChange { value previousValue changedBy { waId } } }');
    expect(renamed).toContainEqual({
      __typename: 'SettingsUpdatedEvent',
      subjectChange: { value: 'Trip 2026: the Alps', previousValue: 'Good trip ⛰️🏖️', changedBy: { waId: '61371989950' } },
    });
  });

  it('offers requestId only on the event types a write can cause', async () => {
    const response = await t.query('{ groupEvents(first: 1) { nodes { requestId } } }');
    expect(response.body.errors?.[0]?.message).toMatch(/Cannot query field "requestId" on type "GroupEvent"/);
    const onStatus = await t.query('{ groupEvents(first: 1) { nodes { ... on MessageStatusUpdatedEvent { requestId } } } }');
    expect(onStatus.body.errors?.[0]?.message).toMatch(/Cannot query field "requestId" on type "MessageStatusUpdatedEvent"/);
  });
});
