import type { SendGroupMessageInput } from '../../../../src/schema/mutations/group-message.types';
import { TemplateComponentType, TemplateParameterType } from '../../../../src/schema/mutations/message-content.inputs';
import { toOutboundMessage } from '../../../../src/schema/mutations/outbound-message';

const input = (content: Partial<SendGroupMessageInput>): SendGroupMessageInput => ({ groupId: 'g', ...content }) as SendGroupMessageInput;

describe('toOutboundMessage', () => {
  it('builds text (preview off by default) with a reply context', () => {
    expect(toOutboundMessage(input({ text: { body: 'hi' }, replyToMessageId: ' wamid.1 ' }))).toEqual({ type: 'text', text: { body: 'hi', preview_url: false }, context: { message_id: 'wamid.1' } });
  });

  it('builds media by id or link; audio never carries a caption; documents keep their file name', () => {
    expect(toOutboundMessage(input({ image: { link: 'https://x.test/a.jpg', caption: 'c' } }))).toEqual({ type: 'image', image: { link: 'https://x.test/a.jpg', caption: 'c' } });
    expect(toOutboundMessage(input({ audio: { mediaId: 'm1' } }))).toEqual({ type: 'audio', audio: { id: 'm1' } });
    expect(toOutboundMessage(input({ document: { mediaId: 'm2', filename: 'a.pdf' } }))).toEqual({ type: 'document', document: { id: 'm2', filename: 'a.pdf' } });
  });

  it('builds a sticker by id or link, without a caption, and carries biz_opaque_callback_data as given', () => {
    expect(toOutboundMessage(input({ sticker: { mediaId: ' 1037543291543636 ' }, bizOpaqueCallbackData: 'order=7 step=2' }))).toEqual({
      type: 'sticker',
      sticker: { id: '1037543291543636' },
      biz_opaque_callback_data: 'order=7 step=2',
    });
    expect(toOutboundMessage(input({ sticker: { link: 'https://x.test/s.webp' } }))).toEqual({ type: 'sticker', sticker: { link: 'https://x.test/s.webp' } });
    expect(() => toOutboundMessage(input({ sticker: {} }))).toThrow('`input.sticker` must have exactly one of mediaId and link; got neither');
    expect(() => toOutboundMessage(input({ text: { body: 'a' }, bizOpaqueCallbackData: 'é'.repeat(513) }))).toThrow('`input.bizOpaqueCallbackData` must be at most 512 characters, got 513');
  });

  it('builds a template with its components, and requires subType and index on buttons', () => {
    const template = {
      name: 'promo',
      languageCode: 'pt_BR',
      components: [
        { type: TemplateComponentType.HEADER, parameters: [{ type: TemplateParameterType.DOCUMENT, mediaId: 'd1' }] },
        { type: TemplateComponentType.BUTTON, subType: 'url', index: 1, parameters: [{ type: TemplateParameterType.TEXT, text: 'ref' }] },
      ],
    };
    expect(toOutboundMessage(input({ template }))).toEqual({
      type: 'template',
      template: {
        name: 'promo',
        language: { code: 'pt_BR' },
        components: [
          { type: 'header', parameters: [{ type: 'document', document: { id: 'd1' } }] },
          { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'ref' }] },
        ],
      },
    });
    const buttonWithoutIndex = { ...template, components: [{ type: TemplateComponentType.BUTTON, subType: 'url', parameters: [] }] };
    expect(() => toOutboundMessage(input({ template: buttonWithoutIndex }))).toThrow('`input.template.components[0].index` is required for a BUTTON component: the button position from 0');
  });

  it('refuses media without a source', () => {
    expect(() => toOutboundMessage(input({ video: {} }))).toThrow('`input.video` must have exactly one of mediaId and link; got neither');
  });
});
