import type { RedisClient } from '../events/redis-client';
import type { Disposable } from '../lib/disposable';
import type { IdempotencyStore } from './idempotency';
import { createInMemoryIdempotencyStore } from './in-memory-idempotency-store';
import { createInMemoryOperationStore } from './in-memory-operation-store';
import type { OperationStore } from './operation-store';
import { createRedisIdempotencyStore } from './redis-idempotency-store';
import { createRedisOperationStore } from './redis-operation-store';

export interface OperationStores extends Disposable {
  readonly kind: 'redis' | 'in-memory';
  readonly operations: OperationStore;
  readonly idempotency: IdempotencyStore;
}

/**
 * The operation and idempotency stores of one instance: on Redis when a connection is given (shared by every
 * instance, so a webhook completes an operation wherever it lands and a retried key is seen everywhere), else in
 * process memory. The connection is borrowed: dispose() releases the stores, never the connection.
 */
export function createOperationStores(options: { redis: RedisClient | null; keyPrefix: string; operationTtlSeconds: number }): OperationStores {
  const { redis, keyPrefix, operationTtlSeconds } = options;
  const operations = redis === null ? createInMemoryOperationStore({ ttlSeconds: operationTtlSeconds }) : createRedisOperationStore({ redis, keyPrefix, ttlSeconds: operationTtlSeconds });
  const idempotency = redis === null ? createInMemoryIdempotencyStore() : createRedisIdempotencyStore({ redis, keyPrefix });
  return {
    kind: redis === null ? 'in-memory' : 'redis',
    operations,
    idempotency,
    dispose: async () => {
      await Promise.all([operations.dispose(), idempotency.dispose()]);
    },
  };
}
