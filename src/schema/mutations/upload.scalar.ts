import { GraphQLError, GraphQLScalarType } from 'graphql';
import { UploadedFile } from './uploaded-file';

/**
 * GraphQL scalar `Upload`: a file of a `multipart/form-data` request (GraphQL multipart request spec). Its value can
 * only come from the request's `map`, never from the query text or plain JSON variables, and it is never output.
 */
export const UploadScalar = new GraphQLScalarType<UploadedFile, never>({
  name: 'Upload',
  description:
    'A file sent with the GraphQL multipart request spec (`multipart/form-data` with `operations`, `map` and the file parts; add the header `apollo-require-preflight: true`).',
  parseValue(value: unknown): UploadedFile {
    if (value instanceof UploadedFile) return value;
    throw new GraphQLError('An Upload value must be a file part of a multipart/form-data request (GraphQL multipart request spec), referenced from `map`; got a plain JSON value');
  },
  parseLiteral(): never {
    throw new GraphQLError('An Upload cannot be written in the query text; pass it as a variable filled from a multipart/form-data file part');
  },
  serialize(): never {
    throw new GraphQLError('Upload is an input-only scalar');
  },
});
