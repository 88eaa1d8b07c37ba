import type { ExecutionArgs, ValueNode } from 'graphql';
import { getOperationAST, Kind, visit } from 'graphql';

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

/**
 * The arguments of a subscription as a broadcast group executes them: the variable that feeds `after` removed, so
 * that a replaying subscription, once caught up, has the key (and the execution) of the equal subscriptions that
 * started with the next event; a null `after` variable goes the same way. Only a variable used nowhere but in
 * `after` is removed (anywhere else it could change what an event's execution returns). Null when `after` is a
 * literal cursor or its variable is used elsewhere: such a subscription keeps the per-subscriber path.
 */
export function withoutReplay(args: ExecutionArgs): ExecutionArgs | null {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation === null || operation === undefined) return null;
  const replayVariables = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    const replay = selection.arguments?.find((argument) => argument.name.value === REPLAY_ARGUMENT);
    if (replay === undefined || replay.value.kind === Kind.NULL) continue;
    if (replay.value.kind !== Kind.VARIABLE) return null;
    replayVariables.add(replay.value.name.value);
  }
  if (replayVariables.size === 0) return args;
  // Every use of those variables in the document (definitions aside) must be one of the `after` arguments.
  const uses = new Map<string, number>();
  visit(args.document, {
    VariableDefinition: () => false,
    Variable(node) {
      uses.set(node.name.value, (uses.get(node.name.value) ?? 0) + 1);
    },
  });
  const rootUses = new Map<string, number>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const replay = selection.arguments?.find((argument) => argument.name.value === REPLAY_ARGUMENT);
    if (replay?.value.kind === Kind.VARIABLE) rootUses.set(replay.value.name.value, (rootUses.get(replay.value.name.value) ?? 0) + 1);
  }
  for (const name of replayVariables) if (uses.get(name) !== rootUses.get(name)) return null;
  const variableValues = Object.fromEntries(Object.entries(args.variableValues ?? {}).filter(([name]) => !replayVariables.has(name)));
  return { ...args, variableValues };
}
