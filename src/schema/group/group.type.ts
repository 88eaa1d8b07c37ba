import { Field, ID, ObjectType } from 'type-graphql';
import type { GroupField, UpstreamGroup } from '../../upstream/types';

/** What is already known about a group, and which upstream fields that covers. */
export interface GroupSnapshot {
  readonly group: UpstreamGroup;
  readonly fields: ReadonlySet<GroupField>;
}

/**
 * A group as resolvers pass it around: its id plus whatever upstream data is already at hand. Field resolvers
 * (GroupFieldsResolver) read the snapshot and load only fields it does not cover.
 */
@ObjectType({ description: 'A WhatsApp group of a business phone number. Each field is fetched from the Groups API only when selected.' })
export class Group {
  @Field(() => ID, { description: 'The Groups API id of the group (opaque).' })
  id!: string;

  snapshot!: GroupSnapshot;

  /** Known when the group was reached through a phone number's list; otherwise looked up per request. */
  phoneNumberIdHint!: string | null;

  static of(options: { id: string; snapshot?: GroupSnapshot; phoneNumberId?: string | null }): Group {
    const group = new Group();
    group.id = options.id;
    group.snapshot = options.snapshot ?? { group: { id: options.id }, fields: new Set() };
    group.phoneNumberIdHint = options.phoneNumberId ?? null;
    return group;
  }
}
