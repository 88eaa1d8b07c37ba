import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLSchema } from 'graphql';
import { getNamedType, getNullableType, isNonNullType, isEnumType, isInputObjectType, isInterfaceType, isListType, isObjectType, isScalarType, isUnionType } from 'graphql';
import type { Rng } from './prng';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

const JUNK_NAMES = ['nope', '__proto__', 'constructor', 'id', 'edges', 'node', 'x'.repeat(300), 'ß', '_'];
const JUNK_VALUES = ['null', 'true', '-0', '1e309', '99999999999999999999', '"\\u0000"', '"\\uD800"', '[[[]]]', '{a: 1}', '$undefinedVar', 'ENUM_X', '""', `"${'y'.repeat(5_000)}"`];
const TOKENS = ['{', '}', '(', ')', '[', ']', ':', '$', '...', '@', '!', '=', '|', '&', 'query', 'mutation', 'subscription', 'fragment', 'on', 'true', 'null', '"s"', '"""block"""', '0', '-1.5e3', '#comment\n', '\u00a0', '\uFEFF', 'group', 'groups', 'id', 'subject', '__typename', '__schema', 'edges', 'node'];

/** A random literal for an argument: usually of the right shape, sometimes not. */
function literal(type: GraphQLInputType, rng: Rng, depth: number): string {
  if (rng.chance(0.04)) return rng.pick(JUNK_VALUES);
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const length = rng.pick([0, 1, 2, 3, 5, 101]);
    return `[${Array.from({ length }, () => literal(inner.ofType as GraphQLInputType, rng, depth + 1)).join(',')}]`;
  }
  if (isEnumType(inner)) return rng.pick(inner.getValues()).name;
  if (isInputObjectType(inner)) {
    if (depth > 4) return '{}';
    const fields = Object.values(inner.getFields()).filter(() => rng.chance(0.8));
    // awaitCompletion would make a fuzz case wait for a webhook: always off.
    return `{${fields.map((field) => `${field.name}: ${field.name === 'awaitCompletion' ? 'false' : literal(field.type, rng, depth + 1)}`).join(', ')}}`;
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Int':
        return String(rng.pick([0, 1, -1, 5, 1025, 2 ** 31, 50]));
      case 'Boolean':
        return rng.pick(['true', 'false']);
      case 'Float':
        return String(rng.next() * 1e6);
      default:
        return JSON.stringify(rng.pick(['1203630000000000', '', 'g', SANDBOX_PHONE_A, '\u0000', 'é'.repeat(rng.int(1, 40)), 'eyJ2IjoxfQ']));
    }
  }
  return 'null';
}

function argumentsOf(args: readonly GraphQLArgument[], rng: Rng): string {
  // Required arguments are usually given, so that many cases get past validation into the resolvers.
  const chosen = args.filter((arg) => rng.chance(isNonNullType(arg.type) ? 0.97 : 0.5));
  if (rng.chance(0.03)) return `(${rng.pick(JUNK_NAMES)}: 1)`;
  return chosen.length === 0 ? '' : `(${chosen.map((arg) => `${arg.name}: ${arg.name === 'awaitCompletion' ? 'false' : literal(arg.type, rng, 0)}`).join(', ')})`;
}

function selection(type: GraphQLNamedType, rng: Rng, depth: number): string {
  if (!(isObjectType(type) || isInterfaceType(type) || isUnionType(type))) return '';
  const parts: string[] = ['__typename'];
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
    for (let i = 0; i < rng.int(1, 4); i++) {
      const field = rng.pick(fields);
      const named = getNamedType(field.type);
      const alias = rng.chance(0.1) ? `a${rng.int(0, 99)}: ` : '';
      const sub = depth < rng.int(2, 12) ? selection(named, rng, depth + 1) : '';
      const needsSelection = isObjectType(named) || isInterfaceType(named) || isUnionType(named);
      parts.push(`${alias}${field.name}${argumentsOf(field.args, rng)}${needsSelection ? (sub === '' && rng.chance(0.7) ? ' { __typename }' : sub) : ''}`);
    }
  }
  if ((isUnionType(type) || isInterfaceType(type)) && rng.chance(0.5)) parts.push(`... on ${rng.chance(0.95) ? 'MessageReceivedEvent' : 'Nope'} { __typename }`);
  if (rng.chance(0.03)) parts.push(rng.pick(JUNK_NAMES));
  return ` { ${parts.join(' ')} }`;
}

/** A random operation over the schema: plausible shapes with wrong values, unknown names, deep nesting, fragments. */
export function randomOperation(schema: GraphQLSchema, rng: Rng): string {
  const kind = rng.pick(['query', 'query', 'query', 'query', 'mutation', 'mutation', 'subscription'] as const);
  const root = kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (root === null || root === undefined) return '{ __typename }';
  const fields = Object.values(root.getFields());
  const body = Array.from({ length: rng.int(1, 3) }, () => {
    const field = rng.pick(fields);
    return `${rng.chance(0.2) ? `r${rng.int(0, 9)}: ` : ''}${field.name}${argumentsOf(field.args, rng)}${selection(getNamedType(field.type), rng, 0)}`;
  }).join(' ');
  const variables = rng.chance(0.05) ? `($id: ID!, $n: Int, $ids: [ID!]!)` : '';
  const fragment = rng.chance(0.05) ? ' fragment F on Group { id ...F }' : '';
  return `${kind} Op${rng.int(0, 3)}${variables} { ${body} }${fragment}`;
}

/** Tokens in random order: mostly syntax errors, sometimes a valid document by accident. */
export function tokenSoup(rng: Rng): string {
  return Array.from({ length: rng.int(1, 120) }, () => rng.pick(TOKENS)).join(rng.chance(0.5) ? ' ' : '');
}

/** Random JSON for `variables`: right names with wrong types, deep nesting, huge strings. */
export function randomVariables(rng: Rng): unknown {
  const values: unknown[] = [null, 1, -1, 1.5, 'g', '', true, [], {}, ['a', 'b'], { id: 1 }, 'x'.repeat(rng.int(0, 20_000)), JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`), Array.from({ length: 500 }, (_, i) => `id${i}`)];
  if (rng.chance(0.15)) return rng.pick([undefined, null, 'not an object', 42, []]);
  return Object.fromEntries(['id', 'n', 'ids', 'input', 'x'].filter(() => rng.chance(0.6)).map((name) => [name, rng.pick(values)]));
}
