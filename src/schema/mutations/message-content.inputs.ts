import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

@InputType({ description: 'A text message.' })
export class TextMessageInput {
  @Field(() => String, { description: 'The text: not empty, at most 4096 characters.' })
  body!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Render a preview of the first URL in the body.' })
  previewUrl?: boolean | null;
}

@InputType({ description: 'An image or video: an uploaded media id or a public link (exactly one), with an optional caption.' })
export class MediaMessageInput {
  @Field(() => ID, { nullable: true, description: 'A media id from uploadMedia (or another WhatsApp media upload of this phone number).' })
  mediaId?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL WhatsApp fetches the media from.' })
  link?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 1024 characters.' })
  caption?: string | null;
}

@InputType({ description: 'An audio message: an uploaded media id or a public link (exactly one). Audio has no caption.' })
export class AudioMessageInput {
  @Field(() => ID, { nullable: true, description: 'A media id from uploadMedia (or another WhatsApp media upload of this phone number).' })
  mediaId?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL WhatsApp fetches the audio from.' })
  link?: string | null;
}

@InputType({ description: 'A sticker: an uploaded media id or a public link (exactly one) to a WebP image (static at most 100 KB, animated at most 500 KB). Stickers have no caption.' })
export class StickerMessageInput {
  @Field(() => ID, { nullable: true, description: 'A media id from uploadMedia (a WebP file).' })
  mediaId?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL WhatsApp fetches the WebP sticker from.' })
  link?: string | null;
}

@InputType({ description: 'A document: an uploaded media id or a public link (exactly one), with an optional caption and file name.' })
export class DocumentMessageInput extends MediaMessageInput {
  @Field(() => String, { nullable: true, description: 'The file name shown to participants.' })
  filename?: string | null;
}

export enum TemplateComponentType {
  HEADER = 'HEADER',
  BODY = 'BODY',
  BUTTON = 'BUTTON',
}

registerEnumType(TemplateComponentType, {
  name: 'TemplateComponentType',
  description: 'The part of a template a set of parameters fills.',
  valuesConfig: {
    HEADER: { description: 'The header: a text, image, video or document parameter.' },
    BODY: { description: 'The body text: its {{n}} parameters, in order.' },
    BUTTON: { description: 'One button (`subType` and `index` say which): its URL suffix (TEXT) or quick-reply payload (PAYLOAD).' },
  },
});

export enum TemplateParameterType {
  TEXT = 'TEXT',
  IMAGE = 'IMAGE',
  VIDEO = 'VIDEO',
  DOCUMENT = 'DOCUMENT',
  PAYLOAD = 'PAYLOAD',
}

registerEnumType(TemplateParameterType, {
  name: 'TemplateParameterType',
  description: 'What a template parameter carries.',
  valuesConfig: {
    TEXT: { description: '`text`.' },
    IMAGE: { description: '`mediaId` or `link` (header).' },
    VIDEO: { description: '`mediaId` or `link` (header).' },
    DOCUMENT: { description: '`mediaId` or `link` (header).' },
    PAYLOAD: { description: '`payload` of a quick-reply button.' },
  },
});

@InputType({ description: 'One template parameter.' })
export class TemplateParameterInput {
  @Field(() => TemplateParameterType, { description: 'Which of the other fields is set.' })
  type!: TemplateParameterType;

  @Field(() => String, { nullable: true, description: 'For templates with named parameters: the parameter name.' })
  parameterName?: string | null;

  @Field(() => String, { nullable: true, description: 'TEXT: the value.' })
  text?: string | null;

  @Field(() => ID, { nullable: true, description: 'IMAGE / VIDEO / DOCUMENT: a media id (or give `link`).' })
  mediaId?: string | null;

  @Field(() => String, { nullable: true, description: 'IMAGE / VIDEO / DOCUMENT: an http(s) URL (or give `mediaId`).' })
  link?: string | null;

  @Field(() => String, { nullable: true, description: 'PAYLOAD: what a quick-reply button sends back.' })
  payload?: string | null;
}

@InputType({ description: 'The parameters of one template component.' })
export class TemplateComponentInput {
  @Field(() => TemplateComponentType, { description: 'HEADER, BODY or BUTTON.' })
  type!: TemplateComponentType;

  @Field(() => String, { nullable: true, description: 'BUTTON only: the button kind, e.g. `quick_reply` or `url`.' })
  subType?: string | null;

  @Field(() => Int, { nullable: true, description: 'BUTTON only: the button position, from 0.' })
  index?: number | null;

  @Field(() => [TemplateParameterInput], { description: 'The values, in order.' })
  parameters!: TemplateParameterInput[];
}

@InputType({ description: 'An approved message template (text- or media-based; authentication templates are not allowed in groups).' })
export class TemplateMessageInput {
  @Field(() => String, { description: 'The template name.' })
  name!: string;

  @Field(() => String, { description: 'The template language, e.g. `en` or `en_US`.' })
  languageCode!: string;

  @Field(() => [TemplateComponentInput], { nullable: true, description: 'Parameters per component, when the template has any.' })
  components?: TemplateComponentInput[] | null;
}
