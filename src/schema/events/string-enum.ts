import { registerEnumType } from 'type-graphql';

/** An enum object whose keys are its values, as registerEnumType wants it. */
export type StringEnum<V extends string> = { readonly [K in V]: K };

/**
 * Registers a GraphQL enum built from a value → description record. Typing the record as Record<Union, string>
 * makes the compiler prove the GraphQL enum has exactly the values of the event model's union.
 */
export function registerStringEnum<V extends string>(name: string, description: string, values: Readonly<Record<V, string>>): StringEnum<V> {
  const keys = Object.keys(values) as V[];
  const enumObject = Object.fromEntries(keys.map((value) => [value, value])) as StringEnum<V>;
  const valuesConfig = Object.fromEntries(keys.map((value) => [value, { description: values[value] }])) as Partial<Record<V, { description: string }>>;
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}
