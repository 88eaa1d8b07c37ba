import type { ParseCollector } from '../shared/parse-collector';
import { unixSecondsToIso } from '../shared/event-time';
import { booleanAt, idAt, isJsonObject, objectAt, own, stringAt } from '../shared/json-read';
import type { WhapiEnvelope } from './whapi.envelope';
import { whapiRaw } from './whapi.item';
import { whapiParticipant } from './whapi.participant';

const GROUP_CHAT_SUFFIX = '@g.us';

/**
 * messages.post (`messages[]`). Only messages in a group chat (`chat_id` ending in @g.us) are group events.
 * Messages with `from_me: true` are ignored: they are this channel's own sends (from the API or the phone),
 * and MESSAGE_RECEIVED means a participant wrote, as with Meta, where the business's own group sends surface
 * only as statuses. `system` messages are ignored too: they are the chat-log echo of group changes that
 * groups.* webhooks already report.
 */
export function normaliseWhapiMessage(envelope: WhapiEnvelope, message: unknown, out: ParseCollector): void {
  if (!isJsonObject(message)) return out.ignore(envelope.kind, 'messages[] item is not an object');
  const chatId = idAt(message, 'chat_id');
  const messageId = idAt(message, 'id');
  const messageType = stringAt(message, 'type') ?? 'unknown';
  if (chatId === null || !chatId.endsWith(GROUP_CHAT_SUFFIX)) return out.ignore(envelope.kind, 'not a group chat (chat_id does not end in @g.us)');
  if (booleanAt(message, 'from_me') === true) return out.ignore(envelope.kind, "the channel's own message (from_me)");
  if (messageType === 'system') return out.ignore(envelope.kind, 'system message (group changes arrive as groups.* events)');
  if (messageId === null) return out.ignore(envelope.kind, 'group message without an id');
  const body = objectAt(message, messageType);
  const details = {
    messageId,
    from: whapiParticipant(idAt(message, 'from'), stringAt(message, 'from_name')),
    messageType,
    text: messageType === 'text' ? stringAt(body, 'body') : stringAt(body, 'caption'),
    content: message,
    errors: [],
  };
  const draft = {
    type: 'MESSAGE_RECEIVED' as const,
    groupId: chatId,
    phoneNumberId: envelope.channelId,
    occurredAt: unixSecondsToIso(own(message, 'timestamp')),
    requestId: null,
    details,
    raw: whapiRaw(envelope, 'messages', message),
  };
  // The channel is part of the key: two of our channels in one group each receive the message.
  out.emit(draft, JSON.stringify(['message', envelope.channelId ?? '', messageId]));
}
