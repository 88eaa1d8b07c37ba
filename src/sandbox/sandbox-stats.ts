import type { RecordedRequest, SandboxStats } from './sandbox-types';
import type { RecordedWebhook } from './webhook-dispatcher';

export interface StatsRecorder extends SandboxStats {
  record(request: RecordedRequest): void;
  /** The usage headers of the answer being sent. */
  usageSent(headers: Readonly<Record<string, string>>): void;
  /** A Graph request arrived; the returned function marks it answered. */
  begin(): () => void;
}

export function createStatsRecorder(webhooks: { readonly records: readonly RecordedWebhook[]; clearRecords(): void }): StatsRecorder {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let usageHeaders: Readonly<Record<string, string>> | null = null;
  return {
    get requests() {
      return requests;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get webhooks() {
      return webhooks.records;
    },
    get usageHeaders() {
      return usageHeaders;
    },
    record(request) {
      requests.push(request);
    },
    usageSent(headers) {
      usageHeaders = headers;
    },
    begin() {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inFlight -= 1;
      };
    },
    reset() {
      requests.length = 0;
      maxInFlight = inFlight;
      webhooks.clearRecords();
    },
  };
}
