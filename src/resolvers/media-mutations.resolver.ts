import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { resolvePhoneNumberId } from '../schema/mutations/input-validation';
import { UploadMediaInput, UploadMediaPayload } from '../schema/mutations/media-upload.types';
import { validMedia } from '../schema/mutations/media-validation';

/** uploadMedia: POST /<PHONE_NUMBER_ID>/media, multipart (src/operations/write-service.ts). */
@Resolver()
export class MediaMutationsResolver {
  @Mutation(() => UploadMediaPayload, {
    description: 'Uploads a media file (multipart upload) for later image, video, audio, document or sticker messages of a phone number; answers its media id.',
  })
  async uploadMedia(@Arg('input', () => UploadMediaInput, { description: 'The file and the phone number that will send it.' }) input: UploadMediaInput, @Ctx() ctx: GatewayContext): Promise<UploadMediaPayload> {
    const writes = ctx.mutations;
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const { upload, kind } = validMedia('input.file', input.file);
    const mediaId = await writes.uploadMedia(ctx, { phoneNumberId, media: upload });
    return { clientMutationId: input.clientMutationId ?? null, mediaId, phoneNumberId, kind, mimeType: upload.mimeType, bytes: upload.bytes.length, filename: upload.filename };
  }
}
