import type { ExecutionResult } from 'graphql';
import { buildSchema, parse } from 'graphql';
import { createSharedExecution } from '../../../src/server/shared-execution';

/** A schema whose subscription emits what the test pushes, and counts how often `text` is resolved. */
function fixture() {
  const schema = buildSchema('type Query { ok: Boolean } type Event { id: ID, text: String } type Subscription { events: Event }');
  let resolved = 0;
  const sources: ((value: unknown) => void)[] = [];
  const subscription = schema.getSubscriptionType()!.getFields().events!;
  subscription.subscribe = () => {
    const queue: unknown[] = [];
    let waiting: ((result: IteratorResult<unknown>) => void) | null = null;
    sources.push((value) => {
      if (waiting !== null) {
        const wake = waiting;
        waiting = null;
        wake({ value, done: false });
      } else queue.push(value);
    });
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      next: () => (queue.length > 0 ? Promise.resolve({ value: queue.shift(), done: false }) : new Promise((resolve) => (waiting = resolve))),
      return: () => Promise.resolve({ value: undefined, done: true }),
    };
  };
  subscription.resolve = (event) => event;
  const eventType = schema.getType('Event') as unknown as { getFields(): Record<string, { resolve?: (e: { text: string }) => string }> };
  eventType.getFields().text!.resolve = (event) => {
    resolved++;
    return event.text;
  };
  return { schema, publish: (event: unknown) => sources.forEach((push) => push(event)), resolvedCount: () => resolved };
}

async function subscribe(shared: ReturnType<typeof createSharedExecution>, args: Parameters<ReturnType<typeof createSharedExecution>['subscribe']>[0]) {
  const result = await shared.subscribe(args);
  if (!(Symbol.asyncIterator in result)) throw new Error(`expected a stream, got ${JSON.stringify(result)}`);
  return (result as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator]();
}

describe('createSharedExecution', () => {
  const document = parse('subscription { events { id text } }');

  it('executes an event once for subscriptions with the same key, document and variables', async () => {
    const { schema, publish, resolvedCount } = fixture();
    const shared = createSharedExecution({ shareKey: (context) => (context as { key: string }).key });
    const a = await subscribe(shared, { schema, document, contextValue: { key: 'k' } });
    const b = await subscribe(shared, { schema, document, contextValue: { key: 'k' } });
    publish({ id: '1', text: 'hi' });
    const [ra, rb] = await Promise.all([a.next(), b.next()]);
    expect(ra.value).toEqual({ data: { events: { id: '1', text: 'hi' } } });
    expect(rb.value).toBe(ra.value);
    expect(resolvedCount()).toBe(1);
    await Promise.all([a.return!(), b.return!()]);
  });

  it('executes separately for other keys, other variables and a null key', async () => {
    const { schema, publish, resolvedCount } = fixture();
    const withVariables = parse('subscription($x: Boolean) { events { id text @include(if: $x) } }');
    const shared = createSharedExecution({ shareKey: (context) => (context as { key: string | null }).key });
    const streams = await Promise.all([
      subscribe(shared, { schema, document, contextValue: { key: 'k1' } }),
      subscribe(shared, { schema, document, contextValue: { key: 'k2' } }),
      subscribe(shared, { schema, document, contextValue: { key: null } }),
      subscribe(shared, { schema, document: withVariables, variableValues: { x: true }, contextValue: { key: 'k1' } }),
      subscribe(shared, { schema, document: withVariables, variableValues: { x: false }, contextValue: { key: 'k1' } }),
    ]);
    publish({ id: '1', text: 'hi' });
    const results = await Promise.all(streams.map((s) => s.next()));
    expect(new Set(results.map((r) => r.value)).size).toBe(5);
    expect(results[4]!.value).toEqual({ data: { events: { id: '1' } } });
    expect(resolvedCount()).toBe(4);
    await Promise.all(streams.map((s) => s.return!()));
  });

  it('returns graphql-js errors for an invalid subscription instead of a stream', async () => {
    const { schema } = fixture();
    const shared = createSharedExecution({ shareKey: () => 'k' });
    const result = await shared.subscribe({ schema, document: parse('subscription { events { id } }'), operationName: 'Missing' });
    expect(result).toEqual({ errors: [expect.objectContaining({ message: 'Unknown operation named "Missing".' })] });
  });
});
