import { randomUUID } from 'node:crypto';
import { signMetaPayload } from '../../src/webhooks/providers/meta/meta.verify';
import { META_DISPLAY_PHONE_NUMBER, META_WABA_ID, SANDBOX_APP_SECRET, SANDBOX_PHONE_A } from './constants';

/** A group id no other test uses. */
export const freshGroupId = (label: string): string => `${label}-${randomUUID()}`;

/** One Meta webhook delivery: a single change of `field` for the business number `phoneNumberId`. */
function metaDelivery(field: string, value: Record<string, unknown>, phoneNumberId = SANDBOX_PHONE_A): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: META_WABA_ID,
        changes: [
          {
            field,
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: META_DISPLAY_PHONE_NUMBER, phone_number_id: phoneNumberId }, ...value },
          },
        ],
      },
    ],
  });
}

/** A Meta `group_participants_update` delivery (a user joined by invite link) for a fresh group id. */
export function participantJoinedDelivery(options: { groupId?: string; waId?: string; timestamp?: number; phoneNumberId?: string } = {}) {
  const groupId = options.groupId ?? `test-group-${randomUUID()}`;
  const body = metaDelivery(
    'group_participants_update',
    {
      groups: [
        {
          timestamp: String(options.timestamp ?? 1755549000),
          group_id: groupId,
          type: 'group_participants_add',
          reason: 'invite_link',
          added_participants: [{ wa_id: options.waId ?? '16505551234' }],
        },
      ],
    },
    options.phoneNumberId,
  );
  return { groupId, body };
}

/** One Meta `messages` delivery holding `count` inbound group texts of `textBytes` characters each. */
export function textMessagesDelivery(options: { groupId: string; count: number; textBytes: number; phoneNumberId?: string }): { body: string; messageIds: string[] } {
  const messageIds = Array.from({ length: options.count }, () => `wamid.${randomUUID()}`);
  const body = metaDelivery(
    'messages',
    {
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
    options.phoneNumberId,
  );
  return { body, messageIds };
}

/** POSTs a body to a webhook route, signed for Meta with the given secret unless headers are given. */
export async function postMeta(baseUrl: string, body: string | Buffer, options: { secret?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers = options.headers ?? {
    'content-type': 'application/json',
    'x-hub-signature-256': signMetaPayload(body, options.secret ?? SANDBOX_APP_SECRET),
  };
  return fetch(`${baseUrl}/webhooks/meta`, { method: 'POST', headers, body });
}

/** POSTs a delivery to a gateway's Meta webhook route and expects 200 (stored). */
export async function postDelivery(baseUrl: string, body: string): Promise<void> {
  const response = await postMeta(baseUrl, body);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
}

/**
 * POSTs the `index`-th join of a sequence and expects 200. The participant and timestamp differ per index, so each
 * delivery is a distinct event with its own id.
 */
export async function postJoin(baseUrl: string, groupId: string, index: number): Promise<void> {
  const { body } = participantJoinedDelivery({ groupId, waId: String(16_500_000_000 + index), timestamp: 1_755_549_000 + index });
  const response = await postMeta(baseUrl, body);
  if (response.status !== 200) throw new Error(`webhook ${index} for ${groupId} answered ${response.status}: ${await response.text()}`);
}
