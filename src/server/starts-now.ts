import type { ExecutionArgs, ValueNode } from 'graphql';
import { getOperationAST, Kind } from 'graphql';

/** The argument a subscription replays the log from (`groupEvents(after:)`): such a subscription has a position of its own. */
const REPLAY_ARGUMENT = 'after';

/**
 * Whether a subscription starts with the next event rather than replaying from a cursor. Only those can join a
 * broadcast group that is already running: what the group sends from the moment one joins is exactly "from now
 * on", whereas a replaying subscription must first read its own part of the log.
 */
export function startsNow(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation === null || operation === undefined) return false;
  const defaults = new Map(operation.variableDefinitions?.map((definition) => [definition.variable.name.value, definition.defaultValue]) ?? []);
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return false; // fragments on the root: not worth looking into
    const replay = selection.arguments?.find((argument) => argument.name.value === REPLAY_ARGUMENT);
    if (replay !== undefined && !isNull(replay.value, args.variableValues ?? {}, defaults)) return false;
  }
  return true;
}

function isNull(value: ValueNode, variables: Readonly<Record<string, unknown>>, defaults: ReadonlyMap<string, ValueNode | undefined>): boolean {
  if (value.kind === Kind.NULL) return true;
  if (value.kind !== Kind.VARIABLE) return false;
  const name = value.name.value;
  if (name in variables) return variables[name] === null || variables[name] === undefined;
  const fallback = defaults.get(name);
  return fallback === undefined || fallback.kind === Kind.NULL;
}
