import { isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { createSchema } from '../../../src/resolvers/create-schema';

/** The types of deleteInviteLink, sendGroupInviteTemplate, uploadMedia and stickers: every part says what it is. */
const TYPES = [
  'DeleteInviteLinkInput',
  'DeleteInviteLinkPayload',
  'SendGroupInviteTemplateInput',
  'SendGroupInviteTemplatePayload',
  'GroupInviteTemplateInput',
  'GroupInviteTemplateSlot',
  'UploadMediaInput',
  'UploadMediaPayload',
  'MediaKind',
  'StickerMessageInput',
  'SendGroupMessageInput',
];
const MUTATIONS = ['deleteInviteLink', 'sendGroupInviteTemplate', 'uploadMedia'];

describe('the schema of the invite-link, template and media mutations', () => {
  it('describes every type, field, input field, enum value, mutation and argument', async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    for (const name of TYPES) {
      const type = schema.getType(name);
      if (type === undefined) throw new Error(`${name} is not in the schema`);
      if (!type.description) missing.push(name);
      if (isObjectType(type) || isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${name}.${field.name}`);
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${name}.${value.name}`);
    }
    for (const name of MUTATIONS) {
      const field = schema.getMutationType()!.getFields()[name]!;
      if (!field.description) missing.push(`Mutation.${name}`);
      for (const arg of field.args) if (!arg.description) missing.push(`Mutation.${name}(${arg.name})`);
    }
    expect(missing).toEqual([]);
  });
});
