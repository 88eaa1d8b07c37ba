import type { EventLog } from '../events/event-log';
import { EventLogUnavailableError } from '../events/event-log';
import type { DomainEvent, StoredEvent } from '../events/event-model';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { ProviderName, WebhookHeaders, WebhookProvider } from './providers/provider';
import { WebhookError } from './webhook-errors';

/** What a webhook sender gets back. */
export interface IngressResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface WebhookDelivery {
  provider: string;
  rawBody: Buffer;
  headers: WebhookHeaders;
  receivedAt: Date;
  /** For logs: the HTTP request id. */
  requestId?: string;
}

/**
 * Runs for every event of a verified delivery — new ones and duplicates alike, so a retry of a delivery whose
 * side effect failed repairs it. Must be idempotent. `before` hooks run before the events are stored (a failure
 * answers 503 and the provider retries); `after` hooks run once they are stored (a failure is logged only).
 */
export interface IngressHooks {
  beforeStore?: (events: readonly DomainEvent[]) => Promise<void>;
  afterStore?: (events: readonly DomainEvent[], stored: readonly StoredEvent[]) => Promise<void>;
}

/** Counters for operators (also logged per delivery). */
export interface IngressStats {
  deliveries: number;
  rejected: Record<'401' | '400' | '404' | '413' | '503', number>;
  eventsStored: number;
  duplicates: number;
  ignored: number;
}

/** The steps of a delivery an observer may wrap (tracing spans). */
export type IngressStep = 'verify' | 'parse' | 'append';

/** What one delivery came to, told once it is answered. */
export interface DeliveryOutcome {
  provider: string;
  /** The HTTP status answered. */
  status: number;
  /** Events stored now; each went out on the bus. */
  stored: readonly StoredEvent[];
  /** Events already stored by an earlier delivery. */
  duplicates: readonly DomainEvent[];
  /** Items of the delivery the gateway does not model. */
  ignored: number;
  /** Time the append (de-duplicate, store, publish) took, when it ran. */
  appendSeconds: number | null;
}

/** Metrics and tracing of the ingress. It must not throw; it runs inside the delivery's own async context. */
export interface IngressObserver {
  /** Runs one step of the delivery; must call `run` once and return what it returns (a promise for 'append'). */
  step?<T>(name: IngressStep, run: () => T): T;
  /**
   * The delivery's events, verified and parsed, before they are stored. Told before the append because the append
   * publishes: a live subscriber on this instance may get an event before the append's reply comes back.
   */
  onParsed?(events: readonly DomainEvent[]): void;
  onDelivered?(outcome: DeliveryOutcome): void;
}

export interface WebhookIngress {
  handshake(provider: string, query: URLSearchParams): IngressResponse;
  deliver(delivery: WebhookDelivery): Promise<IngressResponse>;
  readonly stats: IngressStats;
}

/**
 * The webhook pipeline, free of HTTP: provider enabled? → verify raw bytes → parse/normalise → hooks → append to the
 * event log (which de-duplicates and publishes) → answer. 200 only after every event of the delivery is stored.
 */
export function createWebhookIngress(options: {
  providers: ReadonlyMap<ProviderName, WebhookProvider>;
  log: EventLog;
  logger: Logger;
  hooks?: readonly IngressHooks[];
  observer?: IngressObserver;
}): WebhookIngress {
  const { providers, log, logger, observer } = options;
  const step = <T>(name: IngressStep, run: () => T): T => (observer?.step === undefined ? run() : observer.step(name, run));
  const tellParsed = (onParsed: (events: readonly DomainEvent[]) => void, events: readonly DomainEvent[]): void => {
    try {
      onParsed(events);
    } catch (error) {
      logger.error({ err: ensureError(error) }, 'webhook ingress observer threw; ignored');
    }
  };
  const hooks = options.hooks ?? [];
  const stats: IngressStats = {
    deliveries: 0,
    rejected: { '401': 0, '400': 0, '404': 0, '413': 0, '503': 0 },
    eventsStored: 0,
    duplicates: 0,
    ignored: 0,
  };

  const json = (status: number, body: Record<string, unknown>): IngressResponse => ({
    status,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(body),
  });

  const lookup = (name: string): WebhookProvider | undefined => providers.get(name as ProviderName);

  return {
    stats,
    handshake(name, query) {
      const provider = lookup(name);
      if (provider?.handshake === undefined) return json(404, { error: 'not_found' });
      const result = provider.handshake(query);
      logger.info({ provider: name, status: result.status }, 'webhook handshake');
      return { status: result.status, contentType: result.contentType, body: result.body };
    },

    async deliver(delivery) {
      if (observer?.onDelivered === undefined) return deliverOne(delivery, null);
      const outcome: DeliveryOutcome = { provider: delivery.provider, status: 0, stored: [], duplicates: [], ignored: 0, appendSeconds: null };
      const response = await deliverOne(delivery, outcome);
      outcome.status = response.status;
      try {
        observer.onDelivered(outcome);
      } catch (error) {
        logger.error({ err: ensureError(error) }, 'webhook ingress observer threw; ignored');
      }
      return response;
    },
  };

  /** `outcome`, when given, is filled in as the delivery goes. */
  async function deliverOne(delivery: WebhookDelivery, outcome: DeliveryOutcome | null): Promise<IngressResponse> {
    stats.deliveries++;
    const deliveryLog = logger.child({ provider: delivery.provider, requestId: delivery.requestId });
    const provider = lookup(delivery.provider);
    if (provider === undefined) {
      stats.rejected['404']++;
      return json(404, { error: 'not_found', message: `Webhook provider "${delivery.provider}" is not enabled` });
    }
    let events: DomainEvent[];
    try {
      step('verify', () => provider.verify(delivery.rawBody, delivery.headers, delivery.receivedAt));
      const parsed = step('parse', () => provider.parse(delivery.rawBody, delivery.receivedAt));
      events = parsed.events;
      if (observer?.onParsed !== undefined && events.length > 0) tellParsed(observer.onParsed, events);
      if (parsed.ignored.length > 0) {
        stats.ignored += parsed.ignored.length;
        if (outcome !== null) outcome.ignored = parsed.ignored.length;
        deliveryLog.info({ ignored: parsed.ignored }, 'webhook items ignored (unknown kinds)');
      }
    } catch (error) {
      if (error instanceof WebhookError) {
        stats.rejected[String(error.httpStatus) as '401' | '400']++;
        deliveryLog.warn({ status: error.httpStatus, reason: error.message, bytes: delivery.rawBody.length }, 'webhook rejected');
        return json(error.httpStatus, { error: error.httpStatus === 401 ? 'unauthorized' : 'bad_request', message: error.message });
      }
      throw error;
    }

    try {
      for (const hook of hooks) await hook.beforeStore?.(events);
      const started = outcome === null ? 0 : performance.now();
      const result = events.length > 0 ? await step('append', () => log.append(events)) : { stored: [], duplicates: [] };
      if (outcome !== null) {
        outcome.appendSeconds = events.length > 0 ? (performance.now() - started) / 1000 : null;
        outcome.stored = result.stored;
        outcome.duplicates = result.duplicates;
      }
      stats.eventsStored += result.stored.length;
      stats.duplicates += result.duplicates.length;
      for (const hook of hooks) {
        try {
          await hook.afterStore?.(events, result.stored);
        } catch (error) {
          deliveryLog.error({ err: ensureError(error) }, 'webhook after-store hook failed; events are stored');
        }
      }
      deliveryLog.info(
        { events: events.length, stored: result.stored.length, duplicates: result.duplicates.length },
        'webhook delivery stored',
      );
      return json(200, { received: events.length, stored: result.stored.length, duplicates: result.duplicates.length });
    } catch (error) {
      stats.rejected['503']++;
      const err = ensureError(error);
      deliveryLog.error({ err, unavailable: err instanceof EventLogUnavailableError }, 'webhook not stored; answering 503 so the provider retries');
      return json(503, { error: 'unavailable', message: 'The event log cannot be written; retry later' });
    }
  }
}
