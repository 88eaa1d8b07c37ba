import { Field, ObjectType } from 'type-graphql';
import { EventError } from './event-error.type';
import { GroupEvent } from './group-event.interface';
import { ProfilePictureChange, SettingChange } from './setting-change.type';

/** Field names end in `Change` so they never clash with GroupCreatedEvent's `subject: String` in one selection. */
@ObjectType({
  implements: GroupEvent,
  description: 'Group settings changed, or failed to: each changed setting says whether it was applied. Null means the setting was not part of the change.',
})
export class SettingsUpdatedEvent extends GroupEvent {
  @Field(() => SettingChange, { nullable: true, description: 'The subject change, when the subject was changed.' })
  subjectChange!: SettingChange | null;

  @Field(() => SettingChange, { nullable: true, description: 'The description change, when the description was changed.' })
  descriptionChange!: SettingChange | null;

  @Field(() => ProfilePictureChange, { nullable: true, description: 'The picture change, when the picture was changed.' })
  profilePictureChange!: ProfilePictureChange | null;

  @Field(() => [String], { description: 'Other settings the provider reports by name only (e.g. `announcements`).' })
  otherChanges!: string[];

  @Field(() => [EventError], { description: 'Errors of the update as a whole.' })
  errors!: EventError[];
}
