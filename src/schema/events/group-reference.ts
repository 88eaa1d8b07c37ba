import type { GraphQLResolveInfo } from 'graphql';
import type { Loaders } from '../../loaders/create-loaders';
import { selectedGroupFields } from '../group/group-field-selection';
import { Group } from '../group/group.type';

export interface GroupReference {
  groupId: string;
  phoneNumberId: string | null;
  loaders: Loaders;
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;
}

/**
 * The Group an event or operation points at, with every selected upstream field loaded through `loaders` into its
 * snapshot, so Group's field resolvers do not reach for the request's loaders. A selection of only `id` (or of
 * fields that make their own calls) costs no lookup; otherwise null when the group no longer exists.
 */
export async function resolveGroupReference(reference: GroupReference): Promise<Group | null> {
  const { groupId, loaders } = reference;
  const phoneNumberId = reference.phoneNumberId ?? loaders.phoneNumbers.get(groupId);
  const fields = selectedGroupFields(reference.info);
  if (fields.length === 0) return Group.of({ id: groupId, phoneNumberId });
  const found = await loaders.group.load(groupId, fields);
  if (found === null) return null;
  return Group.of({ id: groupId, snapshot: { group: found, fields: new Set(fields) }, phoneNumberId });
}
