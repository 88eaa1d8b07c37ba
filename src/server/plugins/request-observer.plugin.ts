import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLRequestObserver } from '../request-observer';

/** Tells the observer each request's operation and outcome; a request refused before Apollo ran (no key) too. */
export function requestObserverPlugin<TContext extends object>(observer: GraphQLRequestObserver): ApolloServerPlugin<TContext> {
  return {
    async contextCreationDidFail({ error }) {
      const code = error instanceof GraphQLError && typeof error.extensions.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
      observer.onCompleted?.({ transport: 'http', operationType: null, operationName: null, outcome: code, durationSeconds: null });
    },
    async requestDidStart() {
      const started = performance.now();
      let operationType: string | null = null;
      let operationName: string | null = null;
      return {
        async didResolveOperation({ operation, operationName: name }) {
          if (operation === undefined) return;
          operationType = operation.operation;
          operationName = name ?? null;
          observer.onOperation?.({ type: operationType, name: operationName });
        },
        async willSendResponse({ response }) {
          observer.onCompleted?.({ transport: 'http', operationType, operationName, outcome: outcomeOf(response), durationSeconds: (performance.now() - started) / 1000 });
        },
      };
    },
  };
}

function outcomeOf(response: GraphQLResponse): string {
  const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
  const code = errors?.[0]?.extensions?.code;
  return errors === undefined || errors.length === 0 ? 'ok' : typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
