import type { FragmentDefinitionNode, OperationDefinitionNode, FieldNode } from 'graphql';
import { Kind, parse } from 'graphql';
import { selectedGroupFields } from '../../../src/schema/group/group-field-selection';

function infoFor(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [root], fragments };
}

describe('selectedGroupFields', () => {
  it('maps selected Group fields to upstream fields in a stable order', () => {
    expect(selectedGroupFields(infoFor('{ group(id: "g") { participants { waId } createdAt subject id inviteLink } }'))).toEqual([
      'subject',
      'creation_timestamp',
      'participants',
    ]);
  });

  it('follows named and inline fragments, including nested and repeated ones', () => {
    const info = infoFor(`
      { group(id: "g") { ...a ... on Group { suspended } alias: description } }
      fragment a on Group { totalParticipantCount ...b ...b }
      fragment b on Group { joinApprovalMode }
    `);
    expect(selectedGroupFields(info)).toEqual(['description', 'join_approval_mode', 'suspended', 'total_participant_count']);
  });

  it('needs no upstream field for id, inviteLink or joinRequests', () => {
    expect(selectedGroupFields(infoFor('{ group(id: "g") { id __typename inviteLink joinRequests { nodes { id } } } }'))).toEqual([]);
  });
});
