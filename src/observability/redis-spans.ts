import type { EventBus } from '../events/event-bus';
import type { EventInfrastructure } from '../events/event-infrastructure';
import type { EventLog } from '../events/event-log';
import { isCluster } from '../events/redis-client';
import type { Tracing } from './tracing';

/**
 * The event infrastructure with a span for each Redis round trip that matters: the append of a delivery's events
 * (one script that also publishes them: one round trip, which the span says) and every other publish on the bus
 * (read-cache invalidations, operation updates). Only on Redis: the in-process log and bus make no round trip.
 * Everything else passes through unchanged; applied only when tracing is on.
 */
export function traceRedisRoundTrips(infrastructure: EventInfrastructure, tracing: Pick<Tracing, 'inSpan'>): EventInfrastructure {
  if (infrastructure.redis === null) return infrastructure;
  const publishCommand = isCluster(infrastructure.redis.commands) ? 'SPUBLISH' : 'PUBLISH';
  const { log, bus } = infrastructure;

  const append: EventLog['append'] = (events) =>
    tracing.inSpan('redis append', { attributes: { 'db.system.name': 'redis', 'db.operation.name': 'EVALSHA', 'redis.append.events': events.length, 'redis.append.publishes_in_script': true } }, async (span) => {
      const result = await log.append(events);
      // Each stored event is published by the script, in the same round trip: no publish span follows it.
      span.setAttributes({ 'redis.append.stored': result.stored.length, 'redis.append.duplicates': result.duplicates.length });
      return result;
    });
  const publish: EventBus['publish'] = (channel, message) =>
    tracing.inSpan(
      'redis publish',
      { attributes: { 'db.system.name': 'redis', 'db.operation.name': publishCommand, 'messaging.system': 'redis', 'messaging.operation.type': 'publish', 'messaging.destination.name': channel, 'messaging.message.body.size': Buffer.byteLength(message) } },
      () => bus.publish(channel, message),
    );

  return withMethod(infrastructure, { log: withMethod(log, { append }), bus: withMethod(bus, { publish }) });
}

/**
 * `target` with some methods replaced. A proxy rather than a copy: the log and bus keep growing methods (each one
 * copied by hand here would be one to forget), and every other property is read from the real object. Its methods
 * are bound to it (once each), so one that reads private fields or `this` still finds them.
 */
function withMethod<T extends object>(target: T, replaced: Partial<T>): T {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, key) {
      if (Object.hasOwn(replaced, key)) return replaced[key as keyof T];
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function') return value;
      let method = bound.get(key);
      if (method === undefined) {
        method = (value as (...args: unknown[]) => unknown).bind(object);
        bound.set(key, method);
      }
      return method;
    },
  });
}
