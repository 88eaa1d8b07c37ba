import type { GraphQLField, GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { GraphQLObjectType, responsePathAsArray } from 'graphql';
/**
 * Runs `run` under a span that opens only if `run` answers a promise or starts a span itself; outside any trace, runs
 * it as is. `attributes` is called only when the span opens. (The tracing's inSpanIfAsync.)
 */
export type SpanIfAsync = <T>(name: string, attributes: () => Record<string, string>, run: () => T) => T;

const TRACED = Symbol('wgg.resolverSpans');

/**
 * Gives every resolver call that does I/O a span: each field with a resolver is wrapped, in place and once, so that
 * its call runs under a span that opens only if the resolver answers a promise (it awaits a loader, Redis or the
 * Graph API) or starts a span itself. Property reads and other synchronous resolvers open none. The span is a child
 * of the GraphQL request's span, and the parent of the loader batches and upstream calls the resolver starts.
 *
 * Applied only when tracing is on: without it the schema is left untouched and no field pays anything. Outside a
 * traced request (WebSocket and SSE operations, subscription events) there is no trace to join and no span opens.
 * The Subscription root is skipped: its fields run once per event, where the delivery span already stands.
 */
export function traceResolvers(schema: GraphQLSchema, spanIfAsync: SpanIfAsync): GraphQLSchema {
  const subscription = schema.getSubscriptionType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__') || type === subscription) continue;
    for (const field of Object.values(type.getFields())) {
      const marked = field as GraphQLField<unknown, unknown> & { [TRACED]?: true };
      if (field.resolve === undefined || marked[TRACED] === true) continue;
      field.resolve = traced(field.resolve, `resolve ${type.name}.${field.name}`, spanIfAsync);
      marked[TRACED] = true;
    }
  }
  return schema;
}

function traced(resolve: GraphQLFieldResolver<unknown, unknown>, name: string, spanIfAsync: SpanIfAsync): GraphQLFieldResolver<unknown, unknown> {
  return function tracedResolve(source, args, context, info) {
    return spanIfAsync(name, () => attributesOf(info), () => resolve(source, args, context, info));
  };
}

/** The attribute names of OpenTelemetry's GraphQL instrumentation; never the arguments (they may hold personal data). */
function attributesOf(info: GraphQLResolveInfo): Record<string, string> {
  return {
    'graphql.field.name': info.fieldName,
    'graphql.field.path': responsePathAsArray(info.path).join('.'),
    'graphql.field.type': String(info.returnType),
    'graphql.parent.name': info.parentType.name,
  };
}
