import type { GraphQLArgument, GraphQLInputType } from 'graphql';
import { isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { BadUserInputError } from '../../errors/gateway-errors';
import { ID_CHARACTERS_TEXT, idProblem } from './ids.validation';

/**
 * Every `ID` a client sends, in any argument or input field (lists and nested inputs included), checked against the
 * id rule (README, Security, "Ids and keys") before the field's guard or resolver can build a Redis key or an upstream
 * path from it, and sent on trimmed. Driven by the schema's types, so a new argument or input is covered by itself.
 * Throws BAD_USER_INPUT naming the first bad id.
 */
export function checkIdArguments(definitions: readonly GraphQLArgument[], args: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const checked: Record<string, unknown> = { ...args };
  for (const definition of definitions) {
    if (!(definition.name in args)) continue;
    checked[definition.name] = checkValue(definition.type, args[definition.name], definition.name, definition.name);
  }
  return checked;
}

function checkValue(type: GraphQLInputType, value: unknown, path: string, argumentName: string): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return checkValue(type.ofType, value, path, argumentName);
  if (isListType(type)) {
    // graphql-js has coerced the value: a list type holds an array (a single item was wrapped).
    if (!Array.isArray(value)) return value;
    return value.map((item: unknown, index) => checkValue(type.ofType, item, `${path}[${index}]`, argumentName));
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return value;
    const fields = type.getFields();
    const record = value as Record<string, unknown>;
    const copy: Record<string, unknown> = { ...record };
    for (const [name, field] of Object.entries(fields)) {
      if (name in record) copy[name] = checkValue(field.type, record[name], `${path}.${name}`, `${argumentName}.${name}`);
    }
    return copy;
  }
  if (isScalarType(type) && type.name === 'ID' && typeof value === 'string') return checkId(value, path, argumentName);
  return value;
}

function checkId(value: string, path: string, argumentName: string): string {
  const id = value.trim();
  const problem = idProblem(id);
  if (problem === null) return id;
  if (problem === 'empty') throw new BadUserInputError(`\`${path}\` must not be empty`, { argumentName });
  throw new BadUserInputError(`\`${path}\` is not an id: ${problem} (ids are 1 to 256 of ${ID_CHARACTERS_TEXT}, without "..")`, { argumentName });
}
