import type { CodegenConfig } from '@graphql-codegen/cli';

/** DateTime travels as an ISO 8601 string; JSON is whatever the provider sent. */
const SCALARS = { DateTime: 'string', JSON: 'unknown' };

/**
 * `npm run codegen`: typed documents from the checked-in schema artifact (run `npm run schema:emit` first when the
 * schema changed), for the operations the tests use and for the browser example app. A unit test fails while either
 * output is stale.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema/schema.graphql',
  generates: {
    'test/generated/graphql.ts': {
      documents: ['test/operations/*.graphql'],
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // An Upload variable is a null placeholder the multipart `map` fills.
        scalars: { ...SCALARS, Upload: 'null' },
      },
    },
    // The client preset: `graphql(\`...\`)` in examples/web/src returns a TypedDocumentNode for Apollo Client.
    'examples/web/src/gql/': {
      documents: ['examples/web/src/**/*.ts', '!examples/web/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, strictScalars: true, scalars: { ...SCALARS, Upload: 'File' } },
    },
  },
};

export default config;
