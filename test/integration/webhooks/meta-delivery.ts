import { randomUUID } from 'node:crypto';
import { signMetaPayload } from '../../../src/webhooks/providers/meta/meta.signature';
import { SANDBOX_PHONE_A, SANDBOX_APP_SECRET, META_WABA_ID, META_DISPLAY_PHONE_NUMBER } from '../../helpers/constants';

/** A Meta `group_participants_update` delivery (a user joined by invite link) for a fresh group id. */
export function participantJoinedDelivery(options: { groupId?: string; waId?: string; timestamp?: number; phoneNumberId?: string } = {}) {
  const groupId = options.groupId ?? `test-group-${randomUUID()}`;
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: META_WABA_ID,
        changes: [
          {
            field: 'group_participants_update',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: META_DISPLAY_PHONE_NUMBER, phone_number_id: options.phoneNumberId ?? SANDBOX_PHONE_A },
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
          },
        ],
      },
    ],
  });
  return { groupId, body };
}

/** POSTs a body to a webhook route, signed for Meta with the given secret unless headers are given. */
export async function postMeta(baseUrl: string, body: string | Buffer, options: { secret?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers = options.headers ?? {
    'content-type': 'application/json',
    'x-hub-signature-256': signMetaPayload(body, options.secret ?? SANDBOX_APP_SECRET),
  };
  return fetch(`${baseUrl}/webhooks/meta`, { method: 'POST', headers, body });
}
