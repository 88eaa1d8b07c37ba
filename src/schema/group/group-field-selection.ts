import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';
import type { GroupField } from '../../upstream/types';
import { GROUP_FIELDS } from '../../upstream/types';

/** Which upstream `fields=` entry each Group field needs; fields not listed need none (id) or another call. */
const UPSTREAM_FIELD_BY_GROUP_FIELD: ReadonlyMap<string, GroupField> = new Map<string, GroupField>([
  ['subject', 'subject'],
  ['description', 'description'],
  ['suspended', 'suspended'],
  ['createdAt', 'creation_timestamp'],
  ['joinApprovalMode', 'join_approval_mode'],
  ['totalParticipantCount', 'total_participant_count'],
  ['participants', 'participants'],
]);

/**
 * The upstream fields the selection under this resolver's field needs (fragments included). Directives are not
 * evaluated: a field under `@skip` is still fetched, which costs nothing extra in the same upstream call.
 */
export function selectedGroupFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): GroupField[] {
  const needed = new Set<GroupField>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const field = UPSTREAM_FIELD_BY_GROUP_FIELD.get(selection.name.value);
        if (field !== undefined) needed.add(field);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return GROUP_FIELDS.filter((field) => needed.has(field));
}
