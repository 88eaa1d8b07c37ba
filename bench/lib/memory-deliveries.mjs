import { createHmac } from 'node:crypto';
import { SANDBOX_APP_SECRET } from './meta-webhook.mjs';

/**
 * Signed Meta deliveries for scenario 13 (Redis memory per event), shaped like real traffic: Meta's 56-character group
 * ids, chat texts of everyday lengths from several senders, per-participant statuses, single joins.
 */

/** A group id shaped like Meta's (base64 of `capi_group:<phone>:<id>`, 56 characters), unique per run. */
export function metaGroupId(runId, index) {
  const digits = String(Math.abs(hashCode(`${runId}:${index}`))).padStart(10, '0').slice(0, 10);
  return Buffer.from(`capi_group:15550783881:12036340${digits}`).toString('base64').replace(/=+$/, '');
}

function hashCode(text) {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** Texts of the lengths a group chat has (up to about 110 characters), each made unique by its number. */
const TEXTS = [
  'ok 👍',
  'Who is bringing the projector tomorrow?',
  'Reminder: the meeting moved to 3pm, same room as last week.',
  'Thanks everyone for joining today, the slides are in the shared folder now.',
  'Can someone send me the address again? My phone lost the chat history after the update.',
  'Great news, the order shipped this morning and should arrive before Friday, tracking number in the email.',
  'haha yes',
  'I will be 10 minutes late, start without me please',
];

function signed(document) {
  const body = JSON.stringify(document);
  return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', SANDBOX_APP_SECRET).update(body).digest('hex')}` } };
}

function metaDelivery(phoneNumberId, field, value) {
  return signed({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field, value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, ...value } }] }],
  });
}

/** 100 texts per delivery, from 8 senders, spread round-robin over the groups. */
export function* textDeliveries({ phoneNumberId, runId, events, groups }) {
  for (let first = 0; first < events; first += 100) {
    const timestamp = Math.floor(Date.now() / 1000);
    const messages = [];
    for (let i = first; i < Math.min(events, first + 100); i++) {
      messages.push({
        from: String(16_505_551_230 + (i % 8)),
        group_id: groups[i % groups.length],
        id: `wamid.HBgL${Buffer.from(`${runId}.memory.${i}`).toString('base64')}`,
        timestamp: String(timestamp),
        text: { body: `${TEXTS[i % TEXTS.length]} #${i}` },
        type: 'text',
      });
    }
    const contacts = Array.from({ length: 8 }, (_, s) => ({ profile: { name: `Sender ${s}` }, wa_id: String(16_505_551_230 + s) }));
    yield metaDelivery(phoneNumberId, 'messages', { contacts, messages });
  }
}

/** 100 per-participant `delivered` statuses per delivery, of messages the business sent to the groups. */
export function* statusDeliveries({ phoneNumberId, runId, events, groups }) {
  for (let first = 0; first < events; first += 100) {
    const timestamp = Math.floor(Date.now() / 1000);
    const statuses = [];
    for (let i = first; i < Math.min(events, first + 100); i++) {
      statuses.push({
        id: `wamid.HBgL${Buffer.from(`${runId}.status.${Math.floor(i / 8)}`).toString('base64')}`,
        recipient_id: groups[i % groups.length],
        recipient_type: 'group',
        recipient_participant_id: String(16_505_551_230 + (i % 8)),
        status: 'delivered',
        timestamp: String(timestamp),
        pricing: { billable: true, pricing_model: 'PMP', category: 'group_marketing', type: 'regular' },
      });
    }
    yield metaDelivery(phoneNumberId, 'messages', { statuses });
  }
}

/** One join per delivery, as Meta sends them. */
export function* joinDeliveries({ phoneNumberId, events, groups }) {
  for (let i = 0; i < events; i++) {
    yield metaDelivery(phoneNumberId, 'group_participants_update', {
      groups: [
        {
          timestamp: String(1_755_549_000 + i),
          group_id: groups[i % groups.length],
          type: 'group_participants_add',
          reason: 'invite_link',
          added_participants: [{ wa_id: String(16_500_000_000 + i) }],
        },
      ],
    });
  }
}
