import { createHmac } from 'node:crypto';

/** The app secret the gateway accepts in sandbox mode (config.sandbox.appSecret's default). */
export const SANDBOX_APP_SECRET = 'sandbox-app-secret';
/** Marks our messages so a client finds the sequence number without parsing JSON. */
export const SEQUENCE_MARK = 'bench#';

const sign = (body, secret) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Signed Meta deliveries of inbound group text messages (the shape of fixtures/meta/messages.group_inbound_text.json),
 * each event with its own wamid and text, so de-duplication never short-circuits the pipeline.
 */
export function createMetaWebhooks({ phoneNumberId, groupId, secret = SANDBOX_APP_SECRET, runId = String(process.pid) }) {
  const message = (sequence, timestamp) => ({
    from: '16505551234',
    group_id: groupId,
    id: `wamid.bench.${runId}.${sequence}`,
    timestamp: String(timestamp),
    text: { body: `${SEQUENCE_MARK}${sequence}` },
    type: 'text',
  });
  /** One delivery holding `count` message events, numbered from `firstSequence`. */
  const delivery = (firstSequence, count = 1) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const messages = [];
    for (let i = 0; i < count; i++) messages.push(message(firstSequence + i, timestamp));
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
                contacts: [{ profile: { name: 'Bench Sender' }, wa_id: '16505551234' }],
                messages,
              },
              field: 'messages',
            },
          ],
        },
      ],
    });
    return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, secret) } };
  };
  return { delivery };
}

/** The sequence number after SEQUENCE_MARK in a received frame, read without parsing it; -1 when absent. */
export function sequenceOf(data) {
  const text = typeof data === 'string' ? data : data.toString('latin1');
  const at = text.indexOf(SEQUENCE_MARK);
  if (at === -1) return -1;
  let value = 0;
  for (let i = at + SEQUENCE_MARK.length; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}
