import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RelayMutationInput, RelayMutationPayload } from './relay-mutation.types';
import { UploadScalar } from './upload.scalar';
import type { UploadedFile } from './uploaded-file';

/** The message kinds a media file can be sent as; each has its own types and size limit (docs/groups-api.md#media). */
export enum MediaKind {
  IMAGE = 'IMAGE',
  VIDEO = 'VIDEO',
  AUDIO = 'AUDIO',
  DOCUMENT = 'DOCUMENT',
  STICKER = 'STICKER',
}

registerEnumType(MediaKind, {
  name: 'MediaKind',
  description: 'What an uploaded file can be sent as, decided by its type.',
  valuesConfig: {
    IMAGE: { description: 'JPEG or PNG, at most 5 MB: send it as `image`.' },
    VIDEO: { description: 'MP4 or 3GPP (H.264 video, AAC audio), at most 16 MB: send it as `video`.' },
    AUDIO: { description: 'AAC, AMR, MP3, MP4 audio or OGG (Opus), at most 16 MB: send it as `audio`.' },
    DOCUMENT: { description: 'Plain text, PDF or a Microsoft Office file, at most 100 MB: send it as `document`.' },
    STICKER: { description: 'WebP, at most 100 KB static or 500 KB animated: send it as `sticker`.' },
  },
});

@InputType({ description: 'A media file to upload to WhatsApp for later messages of a phone number (multipart upload).' })
export class UploadMediaInput extends RelayMutationInput {
  @Field(() => ID, { nullable: true, description: 'The business phone number whose messages will use the media; defaults to the configured one.' })
  phoneNumberId?: string | null;

  @Field(() => UploadScalar, {
    description:
      'The file (GraphQL multipart request spec). Its type is judged by its bytes where the format allows (JPEG, PNG, WebP, MP4/3GPP), else by the declared type; the kind\'s size limit applies.',
  })
  file!: UploadedFile;
}

@ObjectType({ description: 'The outcome of uploadMedia: a media id for image, video, audio, document or sticker messages of this phone number.' })
export class UploadMediaPayload extends RelayMutationPayload {
  @Field(() => ID, { description: "The media id: pass it as `mediaId` in sendGroupMessage (WhatsApp keeps uploaded media for 30 days)." })
  mediaId!: string;

  @Field(() => ID, { description: 'The phone number the media was uploaded for.' })
  phoneNumberId!: string;

  @Field(() => MediaKind, { description: 'The message kind the file can be sent as.' })
  kind!: MediaKind;

  @Field(() => String, { description: 'The MIME type sent upstream, e.g. `image/jpeg`.' })
  mimeType!: string;

  @Field(() => Int, { description: 'The size of the file, in bytes.' })
  bytes!: number;

  @Field(() => String, { description: 'The file name as uploaded.' })
  filename!: string;
}
