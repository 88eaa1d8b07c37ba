import { ok } from './graph-api-call';
import type { GraphCall, GraphHandler } from './graph-api-call';
import { requireActiveGroup, requireMessagingProduct } from './graph-api-params';
import { requirePhone } from './graph-api-phone';
import { badRequest, GraphApiError } from './sandbox-graph-api-error';
import { newWamid } from './sandbox-ids';
import { normalizePhone } from './sandbox-state';

const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Z]{2,3})?$/;
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;

/**
 * POST /<PHONE_NUMBER_ID>/messages to one user (`recipient_type` "individual" or absent): the sandbox emulates only
 * the group invite-link template, whose single `group_id` parameter (in the body, or in a URL button) names a
 * group of the sending number; WhatsApp turns it into the group's invite link. Any other 1:1 message is refused,
 * since the sandbox emulates the Groups API, not 1:1 messaging.
 */
export const sendGroupInviteTemplate: GraphHandler = (call, { state }) => {
  const phone = requirePhone(state, call);
  requireMessagingProduct(call);
  const recipientType = call.params.recipient_type;
  if (recipientType !== undefined && recipientType !== 'individual') {
    throw badRequest(`Param recipient_type must be "individual" or "group", got ${JSON.stringify(recipientType)}`);
  }
  const to = readRecipient(call.params.to);
  if (call.params.type !== 'template') {
    throw badRequest(`The sandbox emulates 1:1 messages only for the group invite-link template (type "template" with a group_id parameter), got type ${JSON.stringify(call.params.type ?? null)}`);
  }
  const template = objectOf(call.params.template, 'template');
  if (typeof template.name !== 'string' || template.name === '') throw badRequest('Param template.name is required');
  const language = template.language;
  if (typeof language !== 'object' || language === null || typeof (language as Record<string, unknown>).code !== 'string' || !LANGUAGE_CODE.test((language as { code: string }).code)) {
    throw badRequest('Param template.language.code is required: a template language code like en or pt_BR');
  }
  const groupId = groupIdParameter(template.components);
  const group = requireActiveGroup(state, groupId);
  if (group.phoneNumberId !== phone.phoneNumberId) {
    throw new GraphApiError({ code: 131041, details: `Group ${groupId} does not belong to phone number ${phone.phoneNumberId}` });
  }
  const waId = BSUID.test(to) ? null : to;
  return ok({ messaging_product: 'whatsapp', contacts: [{ input: to, ...(waId === null ? { user_id: to } : { wa_id: waId }) }], messages: [{ id: newWamid() }] });
};

/** A phone number (sent as digits, an optional '+' and separators tolerated), a wa_id, or a BSUID. */
function readRecipient(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('The parameter to is required');
  if (BSUID.test(value.trim())) return value.trim();
  const digits = normalizePhone(value);
  if (!/^\d{7,15}$/.test(digits)) throw badRequest(`Param to must be a phone number in international format, a WhatsApp id or a business-scoped user id, got ${JSON.stringify(value)}`);
  return digits;
}

function objectOf(value: unknown, name: string): Record<string, unknown> {
  let parsed = value;
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      throw badRequest(`Param ${name} must be a JSON object`);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest(`The parameter ${name} is required and must be an object`);
  return parsed as Record<string, unknown>;
}

/**
 * The one `{type: "group_id", group_id}` parameter, in a `body` component or a `button` component with `sub_type`
 * "url" and a numeric `index`. Anything else around it (other parameters) is refused: the library template is used
 * unmodified, and it has no other parameter.
 */
function groupIdParameter(rawComponents: unknown): string {
  if (!Array.isArray(rawComponents) || rawComponents.length === 0) {
    throw badRequest('Param template.components is required for the invite-link template: one component with a {"type":"group_id","group_id":"<GROUP_ID>"} parameter');
  }
  const found: string[] = [];
  rawComponents.forEach((raw: unknown, index: number) => {
    const component = objectOf(raw, `template.components[${index}]`);
    const where = `template.components[${index}]`;
    if (component.type !== 'body' && component.type !== 'button') throw badRequest(`Param ${where}.type must be "body" or "button" for the invite-link template, got ${JSON.stringify(component.type)}`);
    if (component.type === 'button') {
      if (component.sub_type !== 'url') throw badRequest(`Param ${where}.sub_type must be "url": the group id fills the URL button of the invite-link template`);
      if (typeof component.index !== 'string' || !/^\d$/.test(component.index)) throw badRequest(`Param ${where}.index must be the button position as a string, "0" to "9"`);
    }
    const parameters = component.parameters;
    if (!Array.isArray(parameters) || parameters.length === 0) throw badRequest(`Param ${where}.parameters is required`);
    parameters.forEach((rawParameter: unknown, at: number) => {
      const parameter = objectOf(rawParameter, `${where}.parameters[${at}]`);
      if (parameter.type !== 'group_id') {
        throw badRequest(`Param ${where}.parameters[${at}].type must be "group_id": the invite-link template takes the group id only, got ${JSON.stringify(parameter.type)}`);
      }
      if (typeof parameter.group_id !== 'string' || parameter.group_id === '') throw badRequest(`Param ${where}.parameters[${at}].group_id is required`);
      found.push(parameter.group_id);
    });
  });
  if (found.length !== 1) throw badRequest(`The invite-link template takes exactly one group_id parameter, got ${found.length}`);
  return found[0]!;
}

/** Which handler a POST /<PHONE_NUMBER_ID>/messages is: to a group (by recipient_type or a group id in `to`), else 1:1. */
export function isGroupSend(call: Pick<GraphCall, 'params'>, isGroupId: (id: string) => boolean): boolean {
  const { recipient_type: recipientType, to } = call.params;
  return recipientType === 'group' || (typeof to === 'string' && isGroupId(to));
}
