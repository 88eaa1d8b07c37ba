import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getVariableValues, GraphQLError, Kind } from 'graphql';
import { GatewayErrorCode } from '../errors/gateway-error-code';
import type { DocumentCost } from './document-cost';
import { inputDepth } from './input-depth';
import { measureDocumentCost } from './document-cost';

/**
 * Deepest nesting of arrays and objects a request's variables may have. The deepest input of the schema nests a few
 * levels; anything far beyond is an attack on whatever walks the value (a list nested 100,000 deep overflowed the
 * measure's stack), refused before anything walks it.
 */
export const MAX_VARIABLE_DEPTH = 32;

export interface DocumentLimitsOptions {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Characters of the query text. */
  maxDocumentBytes: number;
  /** Items of any one list argument (ids, participants, ...), literal or variable. */
  maxListArgumentItems: number;
  defaultListSize: number;
  defaultPageSize: number;
}

export type DocumentLimit = 'depth' | 'aliases' | 'cost' | 'documentBytes';

export interface DocumentLimits {
  readonly options: Readonly<DocumentLimitsOptions>;
  /**
   * The first limit the operation breaks, as the error to answer with (nothing runs), or null. Limits on the
   * document answer GRAPHQL_VALIDATION_FAILED with `extensions.limit`, `maximum` and `actual`; a list argument
   * over its cap answers BAD_USER_INPUT with `argumentName`, and variables nested deeper than MAX_VARIABLE_DEPTH
   * answer BAD_USER_INPUT with `limit: 'variableDepth'` (checked first, without recursion).
   */
  check(request: DocumentRequest): GraphQLError | null;
  /** The measure on the coerced variables (defaults applied); null for no such operation or variables it cannot take. */
  measure(request: DocumentRequest): DocumentCost | null;
}

export interface DocumentRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  /** The operation to run, when the caller resolved it already; else picked by `operationName`. */
  operation?: OperationDefinitionNode | null;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
}

export function createDocumentLimits(options: DocumentLimitsOptions): DocumentLimits {
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`createDocumentLimits expects ${name} to be an integer >= 1, got ${JSON.stringify(value)}`);
  }
  const frozen = Object.freeze({ ...options });

  function measure(request: DocumentRequest): DocumentCost | null {
    const operation = request.operation ?? pickOperation(request.document, request.operationName ?? null);
    if (operation === null) return null;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of request.document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    // The values execution will see: defaults applied, lists coerced. Measured on the raw input instead, a variable
    // left to its default (`$n: Int = 1000`) counted as a page of the default size and the query ran in full.
    const coerced = getVariableValues(request.schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
    if (coerced.errors !== undefined) return null; // execution refuses the same variables with its own error
    return measureDocumentCost({
      schema: request.schema,
      operation,
      fragments,
      variables: coerced.coerced,
      defaultListSize: options.defaultListSize,
      defaultPageSize: options.defaultPageSize,
    });
  }

  return {
    options: frozen,
    measure,
    check(request) {
      const bytes = request.document.loc?.source.body.length ?? 0;
      if (bytes > options.maxDocumentBytes) return limitError('documentBytes', `The query text is ${bytes} characters; at most ${options.maxDocumentBytes} are accepted`, options.maxDocumentBytes, bytes);
      const depthError = variableDepthError(request.variables ?? {});
      if (depthError !== null) return depthError;
      const measured = measure(request);
      if (measured === null) return null; // no such operation, or variables it cannot take: execution answers that
      if (measured.depth > options.maxDepth) return limitError('depth', `The query nests ${measured.depth} levels deep; at most ${options.maxDepth} are allowed`, options.maxDepth, measured.depth);
      if (measured.aliases > options.maxAliases) return limitError('aliases', `The query uses ${measured.aliases} aliases; at most ${options.maxAliases} are allowed`, options.maxAliases, measured.aliases);
      if (measured.cost > options.maxCost) {
        return limitError('cost', `The query may return up to ${measured.cost} objects; at most ${options.maxCost} are allowed (ask for smaller pages or fewer nested lists)`, options.maxCost, measured.cost);
      }
      const longest = measured.longestListArgument;
      if (longest !== null && longest.items > options.maxListArgumentItems) {
        return new GraphQLError(`\`${longest.path}\` has ${longest.items} items; at most ${options.maxListArgumentItems} are accepted`, {
          extensions: { code: GatewayErrorCode.BAD_USER_INPUT, argumentName: longest.path },
        });
      }
      return null;
    },
  };
}

function variableDepthError(variables: Readonly<Record<string, unknown>>): GraphQLError | null {
  for (const [name, value] of Object.entries(variables)) {
    const depth = inputDepth(value, MAX_VARIABLE_DEPTH);
    if (depth <= MAX_VARIABLE_DEPTH) continue;
    return new GraphQLError(`Variable \`$${name}\` nests deeper than ${MAX_VARIABLE_DEPTH} levels of lists and objects`, {
      extensions: { code: GatewayErrorCode.BAD_USER_INPUT, limit: 'variableDepth', maximum: MAX_VARIABLE_DEPTH, argumentName: `$${name}` },
    });
  }
  return null;
}

function limitError(limit: DocumentLimit, message: string, maximum: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, maximum, actual } });
}

function pickOperation(document: DocumentNode, operationName: string | null): OperationDefinitionNode | null {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName === null) return operations.length === 1 ? operations[0]! : null;
  return operations.find((operation) => operation.name?.value === operationName) ?? null;
}
