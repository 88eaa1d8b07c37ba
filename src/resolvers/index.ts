import type { NonEmptyArray } from 'type-graphql';
import { GroupFieldsResolver } from './group-fields.resolver';
import { GroupLifecycleMutationsResolver } from './group-lifecycle-mutations.resolver';
import { GroupMembershipMutationsResolver } from './group-membership-mutations.resolver';
import { GroupMessageMutationsResolver } from './group-message-mutations.resolver';
import { GroupEventsResolver } from './group-events.resolver';
import { GroupQueryResolver } from './group-query.resolver';
import { MediaMutationsResolver } from './media-mutations.resolver';
import { OperationQueryResolver } from './operation-query.resolver';
import { OperationUpdatedResolver } from './operation-updated.resolver';

/** Every resolver class of the schema; later features append theirs here. */
export const resolvers: NonEmptyArray<new () => object> = [
  GroupQueryResolver,
  GroupFieldsResolver,
  OperationQueryResolver,
  GroupLifecycleMutationsResolver,
  GroupMembershipMutationsResolver,
  GroupMessageMutationsResolver,
  MediaMutationsResolver,
  GroupEventsResolver,
  OperationUpdatedResolver,
];
