import { randomUUID } from 'node:crypto';
import { participantJoinedDelivery, postMeta } from '../../webhooks/meta-delivery';
import { SANDBOX_PHONE_A, META_WABA_ID, META_DISPLAY_PHONE_NUMBER } from '../../../helpers/constants';

/** A group id no other test uses. */
export const freshGroupId = (label: string): string => `${label}-${randomUUID()}`;

/**
 * POSTs the `index`-th join of a sequence to a gateway's Meta webhook route and expects 200 (stored). The
 * participant and timestamp differ per index, so each delivery is a distinct event with its own id.
 */
export async function postJoin(baseUrl: string, groupId: string, index: number): Promise<void> {
  const { body } = participantJoinedDelivery({ groupId, waId: String(16_500_000_000 + index), timestamp: 1_755_549_000 + index });
  const response = await postMeta(baseUrl, body);
  if (response.status !== 200) throw new Error(`webhook ${index} for ${groupId} answered ${response.status}: ${await response.text()}`);
}

/** One Meta `messages` delivery holding `count` inbound group texts of `textBytes` characters each. */
export function textMessagesDelivery(options: { groupId: string; count: number; textBytes: number; phoneNumberId?: string }): { body: string; messageIds: string[] } {
  const messageIds = Array.from({ length: options.count }, () => `wamid.${randomUUID()}`);
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: META_WABA_ID,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: META_DISPLAY_PHONE_NUMBER, phone_number_id: options.phoneNumberId ?? SANDBOX_PHONE_A },
              contacts: [{ profile: { name: 'Load Tester' }, wa_id: '16505551234' }],
              messages: messageIds.map((id, i) => ({
                from: '16505551234',
                group_id: options.groupId,
                id,
                timestamp: '1755549000',
                text: { body: `${i}:`.padEnd(options.textBytes, 'x') },
                type: 'text',
              })),
            },
          },
        ],
      },
    ],
  });
  return { body, messageIds };
}

/** POSTs a body built above and expects 200. */
export async function postDelivery(baseUrl: string, body: string): Promise<void> {
  const response = await postMeta(baseUrl, body);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
}

/** Reads a group's stored events over HTTP (Query.groupEvents, every page), oldest first. */
export async function storedEvents(graphqlUrl: string, groupId: string, after: string | null = null): Promise<{ id: string; cursor: string }[]> {
  const events: { id: string; cursor: string }[] = [];
  for (let cursor = after; ; ) {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query Log($groupId: ID!, $after: String) { groupEvents(groupId: $groupId, after: $after, first: 1000) { nodes { id cursor } pageInfo { hasNextPage endCursor } } }',
        variables: { groupId, after: cursor },
      }),
    });
    type Page = { nodes: { id: string; cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const body = (await response.json()) as { data?: { groupEvents: Page }; errors?: unknown };
    if (body.data === undefined || body.errors !== undefined) throw new Error(`Query.groupEvents failed: ${JSON.stringify(body)}`);
    events.push(...body.data.groupEvents.nodes);
    if (!body.data.groupEvents.pageInfo.hasNextPage) return events;
    cursor = body.data.groupEvents.pageInfo.endCursor;
  }
}
