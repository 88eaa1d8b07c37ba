import type { NonEmptyArray } from 'type-graphql';
import { GroupFieldsResolver } from './group-fields.resolver';
import { GroupQueryResolver } from './group-query.resolver';

/** Every resolver class of the schema; later features append theirs here. */
export const resolvers: NonEmptyArray<new () => object> = [GroupQueryResolver, GroupFieldsResolver];
