import { ok } from './graph-api-call';
import type { GraphCall, GraphHandler } from './graph-api-call';
import { requireActiveGroup, requireMessagingProduct } from './graph-api-params';
import { requirePhone } from './graph-api-phone';
import { MEDIA_MESSAGE_TYPES, SANDBOX_MEDIA_RULES } from './sandbox-media-rules';
import type { MediaMessageType } from './sandbox-media-rules';
import { badRequest, GraphApiError } from './sandbox-graph-api-error';
import { newWamid } from './sandbox-ids';
import { nowSeconds, SANDBOX_LIMITS } from './sandbox-state';
import type { GroupRecord, PhoneRecord, SandboxState } from './sandbox-state';
import { envelope, groupMessageStatuses } from './sandbox-webhook-payloads';

/** What groups take: text, media (stickers included), templates, and pins (docs/groups-api.md#message-types). */
const SUPPORTED_TYPES = new Set<string>(['text', ...MEDIA_MESSAGE_TYPES, 'template', 'pin']);
/** Cloud API message types WhatsApp refuses in groups: answered with 131051, as Meta does for an unsupported type. */
const REFUSED_IN_GROUPS = new Set<string>(['reaction', 'location', 'interactive', 'contacts', 'order', 'product', 'product_list', 'catalog_message', 'address_message', 'call_permission_request']);
const BIZ_OPAQUE_MAX_CHARS = 512;

/**
 * POST /<PHONE_NUMBER_ID>/messages with `recipient_type: "group"` → the standard send answer, then the
 * statuses: `sent` for the group, `delivered` and `read` per participant (each aggregated in one delivery).
 */
export const sendGroupMessage: GraphHandler = (call, { state }) => {
  const phone = requirePhone(state, call);
  requireMessagingProduct(call);
  const to = call.params.to;
  if (typeof to !== 'string' || to === '') throw badRequest('The parameter to is required');
  if (call.params.recipient_type !== 'group') {
    throw badRequest(
      state.group(to) !== undefined
        ? `Param recipient_type must be "group" when to is a group id, got ${JSON.stringify(call.params.recipient_type ?? null)}`
        : 'The sandbox emulates group messaging only: set recipient_type to "group" and to to a group id',
    );
  }
  const group = requireActiveGroup(state, to);
  if (group.phoneNumberId !== phone.phoneNumberId) {
    throw new GraphApiError({ code: 131041, details: `Group ${to} does not belong to phone number ${phone.phoneNumberId}` });
  }
  const type = call.params.type;
  if (typeof type !== 'string' || type === '') throw badRequest('The parameter type is required');
  if (REFUSED_IN_GROUPS.has(type)) {
    throw new GraphApiError({ code: 131051, details: `Message type ${type} is not supported for group messages; groups take text, media (image, video, audio, document, sticker), templates and pins` });
  }
  if (!SUPPORTED_TYPES.has(type)) throw badRequest(`Param type must be one of text, image, video, audio, document, sticker, template, pin; got ${JSON.stringify(type)}`);
  validateContent(call, type, group, phone, state);
  const opaque = bizOpaqueCallbackData(call);
  if (group.participants.length === 0) {
    throw new GraphApiError({ code: 131020, details: 'The group has no participants besides the business: messages to single-member groups are refused' });
  }

  const wamid = newWamid();
  if (type === 'pin') applyPin(group, objectParam(call, 'pin'));
  const at = nowSeconds();
  for (const status of ['sent', 'delivered', 'read'] as const) {
    call.outbox.push(envelope(phone, 'messages', groupMessageStatuses({ wamid, groupId: group.id, status, participants: group.participants, bizOpaqueCallbackData: opaque }, at)));
  }
  return ok({ messaging_product: 'whatsapp', contacts: [{ input: group.id, wa_id: group.id }], messages: [{ id: wamid }] });
};

/** An object parameter, sent as JSON or as a JSON string in a form-encoded (batch) body. */
function objectParam(call: GraphCall, name: string): Record<string, unknown> {
  let value = call.params[name];
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest(`Param ${name} must be a JSON object, got ${JSON.stringify(value)}`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`The parameter ${name} is required for a ${name} message and must be an object`);
  return value as Record<string, unknown>;
}

/** `biz_opaque_callback_data`: an optional string of at most 512 characters, echoed in the statuses. */
function bizOpaqueCallbackData(call: GraphCall): string | null {
  const value = call.params.biz_opaque_callback_data;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || [...value].length > BIZ_OPAQUE_MAX_CHARS) {
    throw badRequest(`Param biz_opaque_callback_data must be a string of at most ${BIZ_OPAQUE_MAX_CHARS} characters`);
  }
  return value;
}

/**
 * `{id}` or `{link}`. An id this sandbox issued must belong to the sending number and be of a type the message kind
 * takes; an id it never issued is taken on trust (it may come from an upload made before this run).
 */
function validateMedia(type: MediaMessageType, content: Record<string, unknown>, phone: PhoneRecord, state: SandboxState): void {
  const hasId = typeof content.id === 'string' && content.id !== '';
  const hasLink = typeof content.link === 'string' && content.link !== '';
  if (hasId === hasLink) throw badRequest(`Param ${type} must have exactly one of id and link`);
  if ((type === 'sticker' || type === 'audio') && content.caption !== undefined) throw badRequest(`Param ${type}.caption is not supported: ${type} messages have no caption`);
  if (!hasId) return;
  const id = content.id as string;
  const media = phone.media.get(id);
  if (media === undefined) {
    const owner = [...state.phones.values()].find((other) => other.media.has(id));
    if (owner !== undefined) throw badRequest(`Param ${type}.id names media uploaded by phone number ${owner.phoneNumberId}; media ids are valid only for the number that uploaded them`);
    return;
  }
  if (!SANDBOX_MEDIA_RULES[type].mimeTypes.includes(media.mimeType)) {
    throw badRequest(`Param ${type}.id names media of type ${media.mimeType}, which cannot be sent as ${type}`);
  }
}

function validateContent(call: GraphCall, type: string, group: GroupRecord, phone: PhoneRecord, state: SandboxState): void {
  const content = objectParam(call, type);
  const need = (key: string): unknown => {
    const value = content[key];
    if (value === undefined || value === null || value === '') throw badRequest(`Param ${type}.${key} is required`);
    return value;
  };
  if (type === 'text') {
    const body = need('body');
    if (typeof body !== 'string' || body.length > 4096) throw badRequest('Param text.body must be a string of at most 4096 characters');
  } else if ((MEDIA_MESSAGE_TYPES as readonly string[]).includes(type)) {
    validateMedia(type as MediaMessageType, content, phone, state);
  } else if (type === 'template') {
    need('name');
    const language = need('language');
    if (typeof language !== 'object' || typeof (language as Record<string, unknown>).code !== 'string') throw badRequest('Param template.language.code is required');
  } else if (type === 'pin') {
    const pinType = need('type');
    if (pinType !== 'pin' && pinType !== 'unpin') throw badRequest(`Param pin.type must be "pin" or "unpin", got ${JSON.stringify(pinType)}`);
    need('message_id');
    if (pinType === 'pin') {
      const days = Number(need('expiration_days'));
      if (!Number.isInteger(days) || days < 1 || days > 30) throw badRequest(`Param pin.expiration_days must be an integer from 1 to 30, got ${JSON.stringify(content.expiration_days)}`);
    } else if (!group.pinned.includes(String(content.message_id))) {
      throw badRequest(`Message ${String(content.message_id)} is not pinned in this group`);
    }
  }
}

/** At most 3 pins: a 4th unpins the oldest (docs/groups-api.md#limits). */
function applyPin(group: GroupRecord, pin: Record<string, unknown>): void {
  const messageId = String(pin.message_id);
  group.pinned = group.pinned.filter((id) => id !== messageId);
  if (pin.type === 'unpin') return;
  group.pinned.push(messageId);
  if (group.pinned.length > SANDBOX_LIMITS.maxPinned) group.pinned.shift();
}
