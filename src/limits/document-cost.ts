import type { FieldNode, FragmentDefinitionNode, GraphQLField, GraphQLNamedType, GraphQLOutputType, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { getArgumentValues, getNamedType, getNullableType, isCompositeType, isInterfaceType, isListType, isObjectType, Kind } from 'graphql';

/** What one operation would cost to run, measured on the document before execution. */
export interface DocumentCost {
  /** Deepest field nesting (`{ a { b } }` is 2); introspection fields do not count. */
  depth: number;
  /** Aliased fields, each fragment counted as often as it is spread. */
  aliases: number;
  /** Upper bound of the objects the response may hold (see measureDocumentCost). */
  cost: number;
  /** The longest list given to any argument (literal or variable), with its place. */
  longestListArgument: { path: string; items: number } | null;
}

export interface MeasureOptions {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** The operation's coerced variable values (graphql-js' getVariableValues: defaults applied), as execution sees them. */
  variables: Readonly<Record<string, unknown>>;
  /** Items assumed for a list field without a size argument (participants, errors). */
  defaultListSize: number;
  /** Items assumed for a `first`/`last` argument that is absent and has no default. */
  defaultPageSize: number;
}

/** Largest size argument taken at face value; beyond it the cost is already far over any sensible limit. */
const MAX_COUNTED_SIZE = 100_000;
const SIZE_ARGUMENTS = ['first', 'last'] as const;

interface Totals {
  aliases: number;
  cost: number;
  depth: number;
}

/**
 * Walks the operation once, fragments expanded (memoised, so a fragment spread many times is measured once per
 * context). Cost model: every object-typed field costs the number of objects it yields. A field with `first` or
 * `last` (a connection) multiplies the first list below it by that size; `ids: [...]` multiplies by its length;
 * other lists by `defaultListSize`. Scalars, enums and `__`-fields cost nothing.
 */
export function measureDocumentCost(options: MeasureOptions): DocumentCost {
  const { schema, fragments, variables, defaultListSize, defaultPageSize } = options;
  const memo = new Map<string, Totals>();
  const visiting = new Set<string>();
  let longest: DocumentCost['longestListArgument'] = null;
  const root = rootType(schema, options.operation);

  /** Iterative (an explicit stack), so no value can overflow the call stack however deep it nests. */
  function noteListArguments(value: unknown, path: string): void {
    const stack: { value: unknown; path: string }[] = [{ value, path }];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (Array.isArray(current.value)) {
        if (longest === null || current.value.length > longest.items) longest = { path: current.path, items: current.value.length };
        // Pushed last to first, so items are visited in order and the first of equal lists is the one reported.
        for (let index = current.value.length - 1; index >= 0; index--) stack.push({ value: current.value[index], path: `${current.path}[${index}]` });
      } else if (isPlainObject(current.value)) {
        // Input objects only: an Upload's file (a Buffer of megabytes) is a scalar value, not a list to count.
        for (const [key, item] of Object.entries(current.value).reverse()) stack.push({ value: item, path: `${current.path}.${key}` });
      }
    }
  }

  /** Per unit of count: totals of a selection set on a parent type, with a pending connection size. */
  function measureSet(selectionSet: SelectionSetNode, parent: GraphQLNamedType, pending: number | null): Totals {
    const totals: Totals = { aliases: 0, cost: 0, depth: 0 };
    for (const selection of selectionSet.selections) {
      let part: Totals;
      if (selection.kind === Kind.FIELD) part = measureField(selection, parent, pending);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition === undefined ? parent : (schema.getType(selection.typeCondition.name.value) ?? parent);
        part = measureSet(selection.selectionSet, typed, pending);
      } else part = measureFragment(selection.name.value, pending);
      totals.aliases += part.aliases;
      totals.cost += part.cost;
      totals.depth = Math.max(totals.depth, part.depth);
    }
    return totals;
  }

  function measureFragment(name: string, pending: number | null): Totals {
    const key = `${name}:${pending ?? ''}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (fragment === undefined || visiting.has(name)) return { aliases: 0, cost: 0, depth: 0 }; // validation reports these
    visiting.add(name);
    const typed = schema.getType(fragment.typeCondition.name.value);
    const totals = typed === undefined ? { aliases: 0, cost: 0, depth: 0 } : measureSet(fragment.selectionSet, typed, pending);
    visiting.delete(name);
    memo.set(key, totals);
    return totals;
  }

  function measureField(node: FieldNode, parent: GraphQLNamedType, pending: number | null): Totals {
    const alias = node.alias === undefined ? 0 : 1;
    if (node.name.value.startsWith('__')) return { aliases: alias, cost: 0, depth: 0 };
    const field = fieldOf(parent, node.name.value);
    if (field === undefined) return { aliases: alias, cost: 0, depth: 1 };
    const args = argumentsOf(field, node, variables);
    for (const [name, value] of Object.entries(args)) noteListArguments(value, `${node.name.value}(${name})`);
    const named = getNamedType(field.type);
    if (!isCompositeType(named) || node.selectionSet === undefined) return { aliases: alias, cost: 0, depth: 1 };

    const size = sizeOf(field, args);
    const list = isListOutput(field.type);
    // Objects this field yields per parent object, and the size left pending for a list further down.
    let yields = 1;
    let childPending = pending;
    if (list) {
      yields = size ?? pending ?? defaultListSize;
      childPending = null;
    } else if (size !== null) {
      childPending = size;
    }
    const children = measureSet(node.selectionSet, named, childPending);
    return { aliases: alias + children.aliases, cost: yields + yields * children.cost, depth: 1 + children.depth };
  }

  function sizeOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
    for (const name of SIZE_ARGUMENTS) {
      if (!field.args.some((arg) => arg.name === name)) continue;
      const value = args[name];
      return typeof value === 'number' && Number.isFinite(value) ? clampSize(value) : defaultPageSize;
    }
    const ids = args.ids;
    return Array.isArray(ids) ? clampSize(ids.length) : null;
  }

  const totals = root === undefined ? { aliases: 0, cost: 0, depth: 0 } : measureSet(options.operation.selectionSet, root, null);
  return { depth: totals.depth, aliases: totals.aliases, cost: totals.cost, longestListArgument: longest };
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLNamedType | undefined {
  if (operation.operation === 'query') return schema.getQueryType() ?? undefined;
  if (operation.operation === 'mutation') return schema.getMutationType() ?? undefined;
  return schema.getSubscriptionType() ?? undefined;
}

function fieldOf(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Readonly<Record<string, unknown>>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables as Record<string, unknown>);
  } catch {
    return {}; // a missing or malformed argument: execution reports it with its own error
  }
}

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

function clampSize(value: number): number {
  return Math.min(Math.max(0, Math.floor(value)), MAX_COUNTED_SIZE);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
