import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { GroupEventType as ModelGroupEventType } from '../../events/event-model';
import { GroupEventType } from './event-enums';

/** Most events one `groupEvents` page may hold, and the page size when `first` is omitted. */
export const MAX_EVENTS_PAGE_SIZE = 1000;
export const DEFAULT_EVENTS_PAGE_SIZE = 50;

/** The filter both `groupEvents` fields share: all given conditions must hold. */
@ArgsType()
export class GroupEventsFilterArgs {
  @Field(() => ID, { nullable: true, description: 'Only events of this group.' })
  groupId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events received for this business phone number.' })
  phoneNumberId?: string | null;

  @Field(() => [GroupEventType], { nullable: true, description: 'Only events of these kinds; omitted or empty: every kind.' })
  types?: ModelGroupEventType[] | null;

  @Field(() => String, { nullable: true, description: 'Start strictly after this event cursor (an event\'s `cursor` or a page\'s `endCursor`); omitted: from the oldest retained event (query) or from now (subscription).' })
  after?: string | null;
}

@ArgsType()
export class GroupEventsArgs extends GroupEventsFilterArgs {
  @Field(() => Int, { nullable: true, description: `At most this many events (1..${MAX_EVENTS_PAGE_SIZE}, default ${DEFAULT_EVENTS_PAGE_SIZE}).` })
  first?: number | null;
}
