import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InterfaceType } from 'type-graphql';
import type { EventSource as ModelEventSource, GroupEventType as ModelGroupEventType } from '../../events/event-model';
import type { Loaders } from '../../loaders/create-loaders';
import { EventSource, GroupEventType } from './event-enums';

/** Loaders an emitted subscription payload carries, created on first use (see event-loaders.ts). */
export type AttachedLoaders = Loaders | (() => Loaders);

/**
 * GraphQL interface `GroupEvent`: what every kind of event has. The concrete types add the details of their kind;
 * events are handed out as instances of them (group-event-kinds.ts), so type-graphql resolves the concrete type from
 * the instance's class. `group` is resolved by GroupEventsResolver.
 */
@InterfaceType('GroupEvent', {
  description: 'Something that happened to a group, from any provider, in one canonical shape. Resolve the concrete type for its details.',
})
export abstract class GroupEvent {
  @Field(() => ID, { description: 'Stable id: the same upstream event, delivered twice or to two instances, has the same id.' })
  id!: string;

  @Field(() => String, { description: 'Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event.' })
  cursor!: string;

  @Field(() => GroupEventType, { description: 'The kind of event; the concrete type carries its details.' })
  type!: ModelGroupEventType;

  @Field(() => ID, {
    nullable: true,
    description:
      'The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types.',
  })
  groupId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The business phone number that received the event, when the provider says.' })
  phoneNumberId!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When it happened, per the provider.' })
  occurredAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When the gateway received it.' })
  receivedAt!: Date;

  @Field(() => EventSource, { description: 'Which provider reported it.' })
  source!: ModelEventSource;

  @Field(() => GraphQLJSON, { nullable: true, description: "The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API." })
  raw!: unknown;

  /** Not a field: fresh loaders of one emitted subscription event (absent for query results). */
  __loaders?: AttachedLoaders;
}
