import type { ArgumentNode, DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getOperationAST, Kind } from 'graphql';

/**
 * The document with `argument` of every root subscription field that takes it set to `cursor`: how a reconnecting
 * EventSource's `Last-Event-ID` (the cursor of the last event it got) becomes the stream's `after`, overriding the
 * value the original request carried (the reconnect repeats the same URL). Documents that are not subscriptions,
 * or whose root fields take no such argument, come back unchanged.
 */
export function withResumeCursor(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, argument: string, cursor: string): DocumentNode {
  const operation = getOperationAST(document, operationName);
  const root = schema.getSubscriptionType();
  if (operation?.operation !== 'subscription' || root === null || root === undefined) return document;
  const fields = root.getFields();
  let changed = false;
  const selections = operation.selectionSet.selections.map((selection) => {
    if (selection.kind !== Kind.FIELD || fields[selection.name.value]?.args.some((arg) => arg.name === argument) !== true) return selection;
    changed = true;
    const resumed: ArgumentNode = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: argument }, value: { kind: Kind.STRING, value: cursor } };
    return { ...selection, arguments: [...(selection.arguments ?? []).filter((arg) => arg.name.value !== argument), resumed] };
  });
  if (!changed) return document;
  const resumedOperation: OperationDefinitionNode = { ...operation, selectionSet: { ...operation.selectionSet, selections } };
  return { ...document, definitions: document.definitions.map((definition) => (definition === operation ? resumedOperation : definition)) };
}
