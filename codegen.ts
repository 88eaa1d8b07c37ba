import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: typed documents for the operations tests and examples use, from the checked-in schema
 * artifact (run `npm run schema:emit` first when the schema changed). A unit test fails while the output is stale.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema/schema.graphql',
  documents: ['test/operations/*.graphql'],
  generates: {
    'test/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // DateTime travels as an ISO 8601 string; an Upload variable is a null placeholder the multipart `map` fills.
        scalars: { DateTime: 'string', Upload: 'null', JSON: 'unknown' },
      },
    },
  },
};

export default config;
