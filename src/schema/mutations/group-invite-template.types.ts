import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Group } from '../group/group.type';
import { RelayMutationInput, RelayMutationPayload } from './relay-mutation.types';

/** Where the invite template carries its `group_id` parameter (docs/groups-api.md#invite-link-template). */
export enum GroupInviteTemplateSlot {
  URL_BUTTON = 'URL_BUTTON',
  BODY = 'BODY',
}

registerEnumType(GroupInviteTemplateSlot, {
  name: 'GroupInviteTemplateSlot',
  description: 'The component of the invite-link template that carries the group id, which WhatsApp turns into the invite link.',
  valuesConfig: {
    URL_BUTTON: { description: "The template's URL button (Meta's library template \"group invite link\" has one): `buttonIndex` says which." },
    BODY: { description: "The template's body." },
  },
});

@InputType({ description: "An approved copy of Meta's \"group invite link\" library template (unmodified, so it keeps utility pricing)." })
export class GroupInviteTemplateInput {
  @Field(() => String, { description: 'The template name as approved: lowercase letters, digits and underscores.' })
  name!: string;

  @Field(() => String, { description: 'The template language, e.g. `en` or `en_US`.' })
  languageCode!: string;

  @Field(() => GroupInviteTemplateSlot, { defaultValue: GroupInviteTemplateSlot.URL_BUTTON, description: 'Which component carries the group id parameter.' })
  groupIdIn!: GroupInviteTemplateSlot;

  @Field(() => Int, { nullable: true, description: 'URL_BUTTON only: the position of the URL button, from 0 (default 0).' })
  buttonIndex?: number | null;
}

@InputType({ description: "A group's invite link sent 1:1 to a user as a template message; the user joins (or asks to) through it." })
export class SendGroupInviteTemplateInput extends RelayMutationInput {
  @Field(() => ID, { nullable: true, description: 'The business phone number that owns the group and sends the template; defaults to the configured one.' })
  phoneNumberId?: string | null;

  @Field(() => ID, { description: 'The group to invite to.' })
  groupId!: string;

  @Field(() => String, { description: 'The user: a phone number in international format, a WhatsApp id or a business-scoped user id (e.g. US.13491208655302741918).' })
  to!: string;

  @Field(() => GroupInviteTemplateInput, { description: 'The approved invite-link template.' })
  template!: GroupInviteTemplateInput;

  @Field(() => String, {
    nullable: true,
    description: 'Makes retries safe: a later call with the same key and the same input (on any gateway instance, for 24 h) answers the first messageId without sending again.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'The outcome of sendGroupInviteTemplate: the template was accepted for delivery. A join shows as a PARTICIPANTS_ADDED (or JOIN_REQUEST_CREATED) event.' })
export class SendGroupInviteTemplatePayload extends RelayMutationPayload {
  @Field(() => ID, { description: 'The id (wamid) of the template message sent to the user.' })
  messageId!: string;

  @Field(() => String, { description: 'The user the template went to, as sent upstream (digits of a phone number, or the business-scoped user id).' })
  to!: string;

  @Field(() => Group, { description: 'The group the user is invited to.' })
  group!: Group;
}
