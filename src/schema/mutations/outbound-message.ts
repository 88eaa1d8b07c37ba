import type { OutboundGroupMessage } from '../../upstream/types';
import { BadUserInputError } from '../../errors/gateway-errors';
import type { SendGroupMessageInput } from './group-message.types';
import { requireId, validLanguageCode, validLink, validText } from './input-validation';
import type { TemplateComponentInput, TemplateMessageInput, TemplateParameterInput } from './message-content.inputs';
import { TemplateComponentType, TemplateParameterType } from './message-content.inputs';
import { GROUP_LIMITS } from './mutation-limits';

const CONTENT_KINDS = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'template'] as const;
type ContentKind = (typeof CONTENT_KINDS)[number];

/**
 * The Cloud API message body (minus the addressing the client adds) for a validated SendGroupMessageInput:
 * exactly one content kind, its limits checked, a reply as `context.message_id`, the caller's tracking data as
 * `biz_opaque_callback_data`. Throws BadUserInputError naming the field otherwise.
 */
export function toOutboundMessage(input: SendGroupMessageInput): OutboundGroupMessage {
  const present = CONTENT_KINDS.filter((kind) => input[kind] !== null && input[kind] !== undefined);
  if (present.length !== 1) {
    throw new BadUserInputError(`\`input\` must have exactly one of ${CONTENT_KINDS.join(', ')}; got ${present.length === 0 ? 'none' : present.join(' and ')}`, { argumentName: 'input' });
  }
  const message = contentOf(present[0]!, input);
  if (input.replyToMessageId !== null && input.replyToMessageId !== undefined) {
    message.context = { message_id: requireId('input.replyToMessageId', input.replyToMessageId) };
  }
  if (input.bizOpaqueCallbackData !== null && input.bizOpaqueCallbackData !== undefined) {
    message.biz_opaque_callback_data = validText('input.bizOpaqueCallbackData', input.bizOpaqueCallbackData, GROUP_LIMITS.bizOpaqueCallbackDataMaxChars, { required: true });
  }
  return message;
}

function contentOf(kind: ContentKind, input: SendGroupMessageInput): OutboundGroupMessage {
  switch (kind) {
    case 'text': {
      const text = input.text!;
      const body = validText('input.text.body', text.body, GROUP_LIMITS.textBodyMaxChars, { required: true });
      return { type: 'text', text: { body, preview_url: text.previewUrl ?? false } };
    }
    case 'image':
    case 'video':
      return { type: kind, [kind]: media(`input.${kind}`, input[kind]!) };
    case 'audio':
      return { type: 'audio', audio: media('input.audio', { ...input.audio!, caption: null }) };
    case 'sticker':
      return { type: 'sticker', sticker: media('input.sticker', { ...input.sticker!, caption: null }) };
    case 'document': {
      const document = input.document!;
      const filename = document.filename === null || document.filename === undefined ? {} : { filename: requireId('input.document.filename', document.filename) };
      return { type: 'document', document: { ...media('input.document', document), ...filename } };
    }
    case 'template':
      return { type: 'template', template: template(input.template!) };
  }
}

/** `{id}` or `{link}` (exactly one), plus a caption within WhatsApp's limit. */
function media(argumentName: string, value: { mediaId?: string | null; link?: string | null; caption?: string | null }): Record<string, string> {
  const hasId = value.mediaId !== null && value.mediaId !== undefined;
  const hasLink = value.link !== null && value.link !== undefined;
  if (hasId === hasLink) {
    throw new BadUserInputError(`\`${argumentName}\` must have exactly one of mediaId and link; got ${hasId ? 'both' : 'neither'}`, { argumentName });
  }
  const content: Record<string, string> = {};
  if (hasId) content.id = requireId(`${argumentName}.mediaId`, value.mediaId!);
  else content.link = validLink(`${argumentName}.link`, value.link!);
  if (value.caption !== null && value.caption !== undefined) {
    content.caption = validText(`${argumentName}.caption`, value.caption, GROUP_LIMITS.captionMaxChars, { required: false });
  }
  return content;
}

function template(value: TemplateMessageInput): Record<string, unknown> {
  const name = requireId('input.template.name', value.name);
  const code = validLanguageCode('input.template.languageCode', value.languageCode);
  const components = (value.components ?? []).map((component, index) => templateComponent(`input.template.components[${index}]`, component));
  return { name, language: { code }, ...(components.length === 0 ? {} : { components }) };
}

function templateComponent(argumentName: string, component: TemplateComponentInput): Record<string, unknown> {
  const parameters = component.parameters.map((parameter, index) => templateParameter(`${argumentName}.parameters[${index}]`, parameter));
  if (component.type !== TemplateComponentType.BUTTON) return { type: component.type.toLowerCase(), parameters };
  if (component.subType === null || component.subType === undefined || component.subType.trim() === '') {
    throw new BadUserInputError(`\`${argumentName}.subType\` is required for a BUTTON component (e.g. quick_reply or url)`, { argumentName: `${argumentName}.subType` });
  }
  if (component.index === null || component.index === undefined || !Number.isInteger(component.index) || component.index < 0) {
    throw new BadUserInputError(`\`${argumentName}.index\` is required for a BUTTON component: the button position from 0`, { argumentName: `${argumentName}.index` });
  }
  return { type: 'button', sub_type: component.subType.trim(), index: String(component.index), parameters };
}

function templateParameter(argumentName: string, parameter: TemplateParameterInput): Record<string, unknown> {
  const named = parameter.parameterName === null || parameter.parameterName === undefined ? {} : { parameter_name: requireId(`${argumentName}.parameterName`, parameter.parameterName) };
  const need = (field: 'text' | 'payload'): string => {
    const value = parameter[field];
    if (value === null || value === undefined || value.trim() === '') {
      throw new BadUserInputError(`\`${argumentName}.${field}\` is required for a ${parameter.type} parameter`, { argumentName: `${argumentName}.${field}` });
    }
    return value;
  };
  switch (parameter.type) {
    case TemplateParameterType.TEXT:
      return { type: 'text', text: need('text'), ...named };
    case TemplateParameterType.PAYLOAD:
      return { type: 'payload', payload: need('payload'), ...named };
    case TemplateParameterType.IMAGE:
    case TemplateParameterType.VIDEO:
    case TemplateParameterType.DOCUMENT: {
      const kind = parameter.type.toLowerCase();
      return { type: kind, [kind]: media(argumentName, { mediaId: parameter.mediaId ?? null, link: parameter.link ?? null }), ...named };
    }
  }
}
