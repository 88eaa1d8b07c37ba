import type { GraphQLSchema } from 'graphql';
import { parse, validate } from 'graphql';
import type { DocumentLimitsOptions } from '../../../src/limits/document-limits';
import { createDocumentLimits } from '../../../src/limits/document-limits';
import { createSchema } from '../../../src/resolvers/create-schema';

const OPTIONS: DocumentLimitsOptions = { maxDepth: 10, maxAliases: 30, maxCost: 5_000, maxDocumentBytes: 32_768, maxListArgumentItems: 100, defaultListSize: 10, defaultPageSize: 50 };

/** mulberry32: a small seeded PRNG, so a failing case is reproduced by its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How one argument value reaches the gateway. */
type Form = 'literal' | 'variable' | 'default' | 'overridden-default';
const FORMS: readonly Form[] = ['literal', 'variable', 'default', 'overridden-default'];

interface Argument {
  name: string;
  type: string;
  value: number | string[];
}

/** One operation whose arguments are drawn at random; rendered in any mix of forms it means the same request. */
interface Shape {
  roots: { field: 'groups' | 'groupsByIds'; sizeArgument: Argument; nested: Argument | null; participants: boolean }[];
}

function drawShape(random: () => number): Shape {
  const int = (max: number): number => Math.floor(random() * (max + 1));
  const roots: Shape['roots'] = [];
  for (let i = 0, n = 1 + int(2); i < n; i++) {
    const byIds = random() < 0.4;
    const sizeArgument: Argument = byIds
      ? { name: 'ids', type: '[ID!]!', value: Array.from({ length: 1 + int(120) }, (_, k) => `1203630${k}`) }
      : { name: random() < 0.7 ? 'first' : 'last', type: 'Int', value: int(1200) };
    const nested: Argument | null = random() < 0.6 ? { name: 'first', type: 'Int', value: int(300) } : null;
    roots.push({ field: byIds ? 'groupsByIds' : 'groups', sizeArgument, nested, participants: random() < 0.5 });
  }
  return { roots };
}

function literal(value: number | string[]): string {
  return JSON.stringify(value);
}

/** The shape as a document and variables, each argument in the form `formOf` picks. */
function render(shape: Shape, formOf: (index: number) => Form): { query: string; variables: Record<string, unknown> } {
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  let counter = 0;
  const argument = (arg: Argument): string => {
    const index = counter++;
    const form = formOf(index);
    if (form === 'literal') return `${arg.name}: ${literal(arg.value)}`;
    const name = `v${index}`;
    if (form === 'variable') {
      definitions.push(`$${name}: ${arg.type}`);
      variables[name] = arg.value;
    } else if (form === 'default') {
      definitions.push(`$${name}: ${arg.type} = ${literal(arg.value)}`);
    } else {
      // A default that the value given overrides: the measure must count the value, not the default.
      definitions.push(`$${name}: ${arg.type} = ${literal(typeof arg.value === 'number' ? 7 : ['other'])}`);
      variables[name] = arg.value;
    }
    return `${arg.name}: $${name}`;
  };
  const selections = shape.roots.map((root, i) => {
    const inner = `id ${root.participants ? 'participants { waId } ' : ''}${root.nested === null ? '' : `joinRequests(${argument(root.nested)}) { nodes { waId } }`}`;
    const call = `${root.field}(${argument(root.sizeArgument)})`;
    return root.field === 'groups' ? `r${i}: ${call} { edges { node { ${inner} } } }` : `r${i}: ${call} { ${inner} }`;
  });
  const header = definitions.length === 0 ? 'query' : `query(${definitions.join(', ')})`;
  return { query: `${header} { ${selections.join(' ')} }`, variables };
}

describe('the operation measure counts what execution will run, however the arguments arrive', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });
  const limits = createDocumentLimits(OPTIONS);

  it('gives equal measures for inline literals, variables, defaults and overridden defaults (500 seeded shapes)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const random = prng(seed);
      const shape = drawShape(random);
      const forms = Array.from({ length: 8 }, () => FORMS[Math.floor(random() * FORMS.length)]!);
      const renderings = [render(shape, () => 'literal'), render(shape, () => 'variable'), render(shape, () => 'default'), render(shape, () => 'overridden-default'), render(shape, (i) => forms[i % forms.length]!)];
      const measures = renderings.map(({ query, variables }) => {
        const document = parse(query);
        expect({ seed, query, errors: validate(schema, document) }).toEqual({ seed, query, errors: [] });
        return limits.measure({ schema, document, variables });
      });
      const first = measures[0];
      expect(first).not.toBeNull();
      for (const [index, measure] of measures.entries()) expect({ seed, rendering: renderings[index]!.query, measure }).toEqual({ seed, rendering: renderings[index]!.query, measure: first });
    }
  });

  it('refuses the page of 1,000 a variable default asks for exactly as the same page given as a value', () => {
    const query = 'query($n: Int = 1000) { groups(first: $n) { edges { node { id participants { waId } inviteLink } } } }';
    const byDefault = limits.check({ schema, document: parse(query), variables: {} });
    const byValue = limits.check({ schema, document: parse(query), variables: { n: 1000 } });
    expect(byDefault?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', maximum: 5_000, actual: 1 + 1000 + 1000 + 1000 * 10 });
    expect(byDefault?.extensions).toEqual(byValue?.extensions);
    expect(limits.check({ schema, document: parse(query), variables: { n: 10 } })).toBeNull();
  });
});
